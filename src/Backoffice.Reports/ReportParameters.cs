using Backoffice.Workflows.Clock;

namespace Backoffice.Reports;

/// <summary>
/// What a report covers and who asked for it. The period is in China dates, both ends included;
/// filters left null cover everything. A public-security report reads only <see cref="To"/> (its "as of" day).
/// </summary>
public sealed record ReportParameters
{
    public required DateOnly From { get; init; }

    public required DateOnly To { get; init; }

    public string? FilingType { get; init; }

    public string? Province { get; init; }

    public string? Team { get; init; }

    public bool English { get; init; }

    public required string GeneratedBy { get; init; }

    public required DateTimeOffset GeneratedAt { get; init; }

    /// <summary>00:00 China time of <see cref="From"/>.</summary>
    public DateTimeOffset Start => ChinaMidnight(From);

    /// <summary>00:00 China time of the day after <see cref="To"/> (exclusive end).</summary>
    public DateTimeOffset End => ChinaMidnight(To.AddDays(1));

    public string T(string zh, string en) => English ? en : zh;

    private static DateTimeOffset ChinaMidnight(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, ChinaTime.Zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
