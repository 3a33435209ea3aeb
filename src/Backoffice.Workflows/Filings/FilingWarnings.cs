namespace Backoffice.Workflows.Filings;

/// <summary>A warning that does not stop an order: a stable code and its sentence in the caller's language.</summary>
public sealed record FilingWarning(string Code, string Message);

/// <summary>
/// Warnings given where the decision is made (resolve, order creation, the staff pages of the order).
/// Cancelling this provider's access to a site no other provider accesses may make the bureau
/// deregister its filing number (管局可能注销备案号).
/// </summary>
public static class FilingWarnings
{
    public const string SoleAccessProvider = "sole-access-provider";

    private static readonly Dictionary<string, (string Zh, string En)> Sentences = new()
    {
        [SoleAccessProvider] = ("该网站没有其他接入商，取消接入后管局可能注销备案号。",
            "No other provider accesses this site: once access is cancelled, the bureau may deregister its filing number."),
    };

    /// <summary>The warning codes of cancelling this provider's access to a site accessed by <paramref name="providers"/>.</summary>
    public static IReadOnlyList<string> OfCancellingAccess(IReadOnlyCollection<string> providers, string here) =>
        providers.All(p => p == here) ? [SoleAccessProvider] : [];

    public static IReadOnlyList<FilingWarning> Describe(IEnumerable<string> codes, bool english) =>
        [.. codes.Select(c => new FilingWarning(c, english ? Sentences[c].En : Sentences[c].Zh))];
}
