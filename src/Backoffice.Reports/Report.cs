using Backoffice.Reports.Workbooks;
using Backoffice.Workflows.Scheduling;
using Npgsql;
using NpgsqlTypes;

namespace Backoffice.Reports;

/// <summary>How far a build has come: a percentage and the rows read so far.</summary>
public sealed record ReportProgress(int Percent, long Rows);

/// <summary>One of management's workbooks, built from the database into a seekable stream.</summary>
public abstract class Report
{
    public const string Sla = "sla";
    public const string BureauResults = "bureau-results";
    public const string PublicSecurity = "public-security";

    public static readonly IReadOnlyList<string> Kinds = [Sla, BureauResults, PublicSecurity];

    public static Report For(string kind) => For(kind, DetailWriting.Streamed);

    /// <summary>The report writing its detail sheets through ClosedXML instead: only the benchmark and the tests compare the two.</summary>
    internal static Report For(string kind, DetailWriting details) => kind switch
    {
        Sla => new Reports.Sla.SlaReport { Details = details },
        BureauResults => new Reports.Bureau.BureauResultsReport { Details = details },
        PublicSecurity => new Reports.PublicSecurity.PublicSecurityReport { Details = details },
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown report."),
    };

    /// <summary>How the detail sheets are written when the workbook is saved.</summary>
    protected internal DetailWriting Details { get; private init; }

    public static string Title(string kind, bool english) => kind switch
    {
        Sla => english ? "SLA report" : "时效（SLA）报表",
        BureauResults => english ? "Bureau results" : "管局审核结果报表",
        _ => english ? "Public-security filing follow-up" : "公安备案跟进报表",
    };

    /// <summary>The report, its period (or day) and its filters: <c>sla-20251001-20251031-650000.xlsx</c>.</summary>
    public static string FileName(string kind, ReportParameters p)
    {
        var period = kind == PublicSecurity ? $"{p.To:yyyyMMdd}" : $"{p.From:yyyyMMdd}-{p.To:yyyyMMdd}";
        var filters = new[] { p.FilingType, p.Province, p.Team }.OfType<string>()
            .Select(f => new string(f.Select(c => char.IsAsciiLetterOrDigit(c) || c == '-' ? c : '_').ToArray()));
        return string.Join("-", [kind, period, .. filters]) + (p.English ? "-en" : "") + ".xlsx";
    }

    public abstract Task BuildAsync(
        NpgsqlConnection connection, WorkingCalendar calendar, ReportParameters parameters, Stream output,
        IProgress<ReportProgress>? progress, CancellationToken ct);

    /// <summary>
    /// A red warning on the cover when the period reaches a year the working-day calendar has no holidays for:
    /// that year's holidays count as working days, so working times there read too long. The workbook is still
    /// built (a past period's figures are still useful); the warning says which years and where to enter them.
    /// </summary>
    protected static void WarnOfMissingCalendar(ReportWorkbook workbook, WorkingCalendar calendar, ReportParameters p)
    {
        var missing = calendar.YearsWithoutHolidays(p.From.Year, p.To.Year);
        if (missing.Count > 0)
        {
            var years = string.Join(p.T("、", ", "), missing);
            workbook.AddCoverWarning(p.T(
                $"注意：工作日历没有 {years} 年的节假日安排，这些年份的节假日按工作日计算，工作时长可能偏长。请管理员在“工作日历”页面补录后重新生成。",
                $"Warning: the working-day calendar has no holidays for {years}; those years' holidays count as working days, so working times may read too long. An admin enters them on the Working-day calendar page; then build the report again."));
        }
    }

    /// <summary>The filters on the order <c>o</c>: filing type, province, and the orders the dashboard recomputes (@orders, none in a workbook).</summary>
    protected internal const string OrderFilter =
        "(@filingType::text is null or o.filing_type = @filingType) and (@province::text is null or o.province = @province)"
        + " and (@orders::uuid[] is null or o.id = any(@orders))";

    /// <summary>
    /// <see cref="OrderFilter"/>'s orders on a table's own <c>order_id</c> as well, so that the planner reads only their
    /// rows through that table's order index instead of joining all its rows of the window first.
    /// </summary>
    protected internal static string OrdersOf(string alias) => $"(@orders::uuid[] is null or {alias}.order_id = any(@orders))";

    /// <summary>A command over the report's period and filters (@start, @end, @filingType, @province, @team, @orders: none), streamed row by row.</summary>
    protected internal static NpgsqlCommand Command(NpgsqlConnection connection, string sql, ReportParameters p)
    {
        var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 600 };
        command.Parameters.Add(new NpgsqlParameter("start", NpgsqlDbType.TimestampTz) { Value = p.Start });
        command.Parameters.Add(new NpgsqlParameter("end", NpgsqlDbType.TimestampTz) { Value = p.End });
        command.Parameters.Add(new NpgsqlParameter("filingType", NpgsqlDbType.Text) { Value = (object?)p.FilingType ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("province", NpgsqlDbType.Text) { Value = (object?)p.Province ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("team", NpgsqlDbType.Text) { Value = (object?)p.Team ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("orders", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = DBNull.Value });
        return command;
    }

    protected static DateTimeOffset? Instant(NpgsqlDataReader reader, int column) =>
        reader.IsDBNull(column) ? null : reader.GetFieldValue<DateTimeOffset>(column);

    protected static string? Text(NpgsqlDataReader reader, int column) => reader.IsDBNull(column) ? null : reader.GetString(column);

    protected static void Tick(IProgress<ReportProgress>? progress, int percent, long rows)
    {
        if (rows % 50_000 == 0)
        {
            progress?.Report(new ReportProgress(percent, rows));
        }
    }
}
