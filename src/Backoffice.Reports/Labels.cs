using Backoffice.Workflows.Filings;

namespace Backoffice.Reports;

/// <summary>Chinese (default) or English labels of the domain's codes, and the masking of names in exports.</summary>
public static class Labels
{
    public static string FilingType(ReportParameters p, string code) =>
        Workflows.Labels.LabelCatalogue.Of(Workflows.Labels.LabelSet.FilingType, code, p.English);

    public static string Province(ReportParameters p, string code) =>
        Provinces.All.FirstOrDefault(x => x.Code == code) is { } province ? p.T(province.Zh, province.En) : code;

    /// <summary>The cover sheet's lines for the period and the filters.</summary>
    public static IEnumerable<(string Label, string Value)> Scope(ReportParameters p, string? teamName)
    {
        yield return (p.T("统计期间", "Period"), $"{p.From:yyyy-MM-dd} ~ {p.To:yyyy-MM-dd}");
        var all = p.T("全部", "All");
        yield return (p.T("备案类型", "Filing type"), p.FilingType is null ? all : FilingType(p, p.FilingType));
        yield return (p.T("省份", "Province"), p.Province is null ? all : Province(p, p.Province));
        yield return (p.T("处理组", "Team"), p.Team is null ? all : teamName ?? p.Team);
    }

    /// <summary>An individual's name keeps its first character (张**); organisations' names are not personal data.</summary>
    public static string SubjectName(string name, string? nature) =>
        nature == "individual" && name.Length > 0 ? name[..1] + new string('*', Math.Max(1, name.Length - 1)) : name;
}
