namespace Backoffice.Reports;

/// <summary>The periods a report's headline figures are compared with: the one just before, as long, and the same one a year earlier.</summary>
public static class Comparison
{
    public static ReportParameters PreviousPeriod(ReportParameters p)
    {
        var days = p.To.DayNumber - p.From.DayNumber;
        var to = p.From.AddDays(-1);
        return p with { From = to.AddDays(-days), To = to };
    }

    public static ReportParameters SamePeriodLastYear(ReportParameters p) => p with { From = p.From.AddYears(-1), To = p.To.AddYears(-1) };
}
