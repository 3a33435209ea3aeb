using Backoffice.Workflows.Definitions;
using Backoffice.Workflows.Filings;

namespace Backoffice.Workflows.Labels;

/// <summary>
/// The one catalogue of labels for the domain's codes, in Chinese and English:
/// <c>LabelCatalogue.Of(LabelSet.Nature, "enterprise", english)</c> is 企业 or Enterprise. Statuses and
/// filing types are read from their own classes, activity types from the palette; return reasons are
/// data (<see cref="ReasonLabels"/>). A code a set does not know is returned as it is.
/// </summary>
public static class LabelCatalogue
{
    private static readonly IReadOnlyDictionary<LabelSet, IReadOnlyDictionary<string, (string Zh, string En)>> Sets =
        new Dictionary<LabelSet, IReadOnlyDictionary<string, (string Zh, string En)>>
        {
            [LabelSet.Nature] = OrderLabels.Natures,
            [LabelSet.CertificateType] = OrderLabels.CertificateTypes,
            [LabelSet.ServiceContent] = OrderLabels.ServiceContents,
            [LabelSet.PreApproval] = OrderLabels.PreApprovals,
            [LabelSet.Language] = OrderLabels.Languages,
            [LabelSet.AccessResource] = OrderLabels.AccessResources,
            [LabelSet.VerificationMethod] = OrderLabels.VerificationMethods,
            [LabelSet.AuthenticityCheck] = OrderLabels.AuthenticityChecks,
            [LabelSet.Province] = Provinces.All.ToDictionary(p => p.Code, p => (p.Zh, p.En)),
            [LabelSet.MaterialKind] = OrderLabels.MaterialKinds,
            [LabelSet.Status] = FilingStatus.Labels,
            [LabelSet.FilingType] = Filings.FilingType.Labels,
            [LabelSet.Team] = WorkLabels.Teams,
            [LabelSet.TaskState] = WorkLabels.TaskStates,
            [LabelSet.Outcome] = WorkLabels.Outcomes,
            [LabelSet.Role] = WorkLabels.Roles,
            [LabelSet.BureauEvent] = WorkLabels.BureauEvents,
            [LabelSet.Channel] = WorkLabels.Channels,
            [LabelSet.Recipient] = WorkLabels.Recipients,
            [LabelSet.ApplicantAction] = WorkLabels.ApplicantActions,
            [LabelSet.WorkflowEvent] = WorkLabels.WorkflowEvents,
            [LabelSet.EndResult] = WorkLabels.EndResults,
            [LabelSet.DurationUnit] = WorkLabels.DurationUnits,
            [LabelSet.ActivityType] = ActivityTypes.All.ToDictionary(t => t.Type, t => (t.LabelZh, t.LabelEn)),
            [LabelSet.OrderEvent] = WorkLabels.OrderEvents,
            [LabelSet.ScheduleFrequency] = ScheduleLabels.Frequencies,
            [LabelSet.Weekday] = ScheduleLabels.Weekdays,
        };

    /// <summary>The label of a code in the language asked for; the code itself when the set does not know it, "" for null.</summary>
    public static string Of(LabelSet set, string? code, bool english) =>
        code is null ? "" : Sets[set].TryGetValue(code, out var label) ? english ? label.En : label.Zh : code;

    /// <summary>The labels of several codes joined with the language's list separator.</summary>
    public static string Join(LabelSet set, IEnumerable<string?>? codes, bool english) =>
        string.Join(english ? ", " : "、", (codes ?? []).Where(c => c is not null).Select(c => Of(set, c, english)));

    /// <summary>A team by its label; a team the catalogue does not know (added by an admin) by its name in the database.</summary>
    public static string OfTeam(string id, string? name, bool english) =>
        Knows(LabelSet.Team, id) ? Of(LabelSet.Team, id, english) : name ?? id;

    public static bool Knows(LabelSet set, string? code) => code is not null && Sets[set].ContainsKey(code);

    /// <summary>Every code of a set with its labels, in the set's order (for pickers and the designer's reference).</summary>
    public static IReadOnlyDictionary<string, (string Zh, string En)> Entries(LabelSet set) => Sets[set];

    /// <summary>Every code of every set (a page shows none of them as text).</summary>
    public static IEnumerable<(LabelSet Set, string Code)> AllCodes() =>
        Sets.SelectMany(s => s.Value.Keys.Select(code => (s.Key, code)));
}
