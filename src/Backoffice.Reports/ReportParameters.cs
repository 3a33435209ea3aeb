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

    /// <summary>The order page's address without the id (<c>https://backoffice.example/orders</c>); order numbers link there when set.</summary>
    public string? OrderUrl { get; init; }

    /// <summary>The targets the charts and figures are held against.</summary>
    public ReportTargets Targets { get; init; } = new();

    /// <summary>00:00 China time of <see cref="From"/>.</summary>
    public DateTimeOffset Start => ChinaMidnight(From);

    /// <summary>00:00 China time of the day after <see cref="To"/> (exclusive end).</summary>
    public DateTimeOffset End => ChinaMidnight(To.AddDays(1));

    public string T(string zh, string en) => English ? en : zh;

    /// <summary>An order number as a cell: a link to the order's page when <see cref="OrderUrl"/> is set, its text otherwise.</summary>
    public object OrderCell(Guid id, string number) =>
        OrderUrl is null ? number : new Workbooks.Link(number, $"{OrderUrl.TrimEnd('/')}/{id}");

    /// <summary>"生成时间 … （北京时间）": the generated time in China time, as every sheet's second line reads.</summary>
    public string GeneratedLine => T("生成时间：", "Generated: ")
        + TimeZoneInfo.ConvertTime(GeneratedAt, ChinaTime.Zone).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture)
        + T("（北京时间）", " (China time)");

    private static DateTimeOffset ChinaMidnight(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, ChinaTime.Zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
