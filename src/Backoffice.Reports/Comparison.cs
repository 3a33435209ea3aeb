using Npgsql;
using NpgsqlTypes;

namespace Backoffice.Reports;

/// <summary>
/// The periods a report's headline figures are compared with: the one just before, as long, and the same one a year earlier.
/// A report reads them in its own query's pass: <see cref="Window"/> takes the rows of all three, and each row counts in
/// every period it falls in (a 366-day period shares a day with last year's).
/// </summary>
public static class Comparison
{
    public static ReportParameters PreviousPeriod(ReportParameters p)
    {
        var days = p.To.DayNumber - p.From.DayNumber;
        var to = p.From.AddDays(-1);
        return p with { From = to.AddDays(-days), To = to };
    }

    public static ReportParameters SamePeriodLastYear(ReportParameters p) => p with { From = p.From.AddYears(-1), To = p.To.AddYears(-1) };

    /// <summary>A time column in the period or one of the two it is compared with (the previous period ends where the period starts).</summary>
    public static string Window(string at) =>
        $"(({at} >= @previousStart and {at} < @end) or ({at} >= @lastYearStart and {at} < @lastYearEnd))";

    /// <summary>The parameters of <see cref="Window"/> besides the period's own (<c>@start</c>, <c>@end</c>).</summary>
    public static void AddParameters(NpgsqlCommand command, ReportParameters p)
    {
        var lastYear = SamePeriodLastYear(p);
        command.Parameters.Add(new NpgsqlParameter("previousStart", NpgsqlDbType.TimestampTz) { Value = PreviousPeriod(p).Start });
        command.Parameters.Add(new NpgsqlParameter("lastYearStart", NpgsqlDbType.TimestampTz) { Value = lastYear.Start });
        command.Parameters.Add(new NpgsqlParameter("lastYearEnd", NpgsqlDbType.TimestampTz) { Value = lastYear.End });
    }

    /// <summary>Whether an instant falls in a period (its China dates, both included).</summary>
    public static bool Contains(ReportParameters period, DateTimeOffset at) => at >= period.Start && at < period.End;
}
