using System.Text.RegularExpressions;

namespace Backoffice.Workflows.Filings.Rules;

/// <summary>Subject natures, certificate types, and the number formats of personal documents.</summary>
public static partial class PersonDocuments
{
    public const string Uscc = "uscc";
    public const string ResidentId = "resident-id";
    public const string Individual = "individual";

    public static readonly IReadOnlyList<string> Natures =
        ["enterprise", "individual", "government", "institution", "social-organization", "private-non-enterprise", "foundation", "law-firm"];

    public static readonly IReadOnlyList<string> PersonTypes = [ResidentId, "passport", "hk-macao-permit", "taiwan-permit"];

    public static readonly IReadOnlyList<string> CertificateTypes = [Uscc, .. PersonTypes];

    /// <summary>GB 32100 registration authority and type each organisation nature must carry.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> AuthorityTypes = new Dictionary<string, string[]>
    {
        ["enterprise"] = ["91", "92", "93"],
        ["government"] = ["11"],
        ["institution"] = ["12"],
        ["social-organization"] = ["51"],
        ["private-non-enterprise"] = ["52"],
        ["foundation"] = ["53"],
        ["law-firm"] = ["31"],
    };

    public static bool IsKnownCertificateType(string? type) => type is not null && CertificateTypes.Contains(type);

    public static bool IsOrganisation(string? nature) => nature is not null && nature != Individual && Natures.Contains(nature);

    /// <summary>Null when the number is valid for its person document type, otherwise the error code.</summary>
    public static string? CheckPersonNumber(string type, string number, DateOnly today, out DateOnly? birth)
    {
        birth = null;
        switch (type)
        {
            case ResidentId:
                var error = ResidentIdNumber.Check(number, today, out var date);
                birth = error is null ? date : null;
                return error;
            case "passport":
                return Passport().IsMatch(number) ? null : "passport-format";
            case "hk-macao-permit":
                return HongKongMacaoPermit().IsMatch(number) ? null : "hk-macao-permit-format";
            default:
                return TaiwanPermit().IsMatch(number) ? null : "taiwan-permit-format";
        }
    }

    [GeneratedRegex("^(E[0-9]{8}|E[A-HJ-NP-Z][0-9]{7}|[A-Z0-9]{5,17})$")]
    private static partial Regex Passport();

    [GeneratedRegex("^[HM][0-9]{8}([0-9]{2})?$")]
    private static partial Regex HongKongMacaoPermit();

    [GeneratedRegex("^[0-9]{8}([0-9]{2})?$")]
    private static partial Regex TaiwanPermit();
}
