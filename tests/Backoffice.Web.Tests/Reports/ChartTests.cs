using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Backoffice.Reports;
using ClosedXML.Excel;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using static Backoffice.Web.Tests.Reports.ReportData;

namespace Backoffice.Web.Tests.Reports;

/// <summary>
/// The workbooks' native charts: each series names its header cell and plots the cells of its table (the
/// figures cached in the chart equal the cells'), the target is the configured one, the Pareto line runs on
/// a secondary axis up to 100%, and the workbook passes the Open XML SDK's validator.
/// </summary>
public sealed partial class ChartTests
{
    private static readonly XNamespace C = "http://schemas.openxmlformats.org/drawingml/2006/chart";
    private static readonly XNamespace A = "http://schemas.openxmlformats.org/drawingml/2006/main";

    [Theory]
    [InlineData(Report.Sla, "350000", false)]
    [InlineData(Report.BureauResults, "360000", true)]
    public async Task Charts_plot_their_tables_figures_against_the_target(string kind, string province, bool english)
    {
        await ReadableWorkbookTests.SeedAsync(province);
        var second = await ReadableWorkbookTests.SeedAsync(province);
        var data = await OpenAsync();
        await using (data.Db)
        {
            await data.SubmissionAsync(second.Order, 3, China(2025, 9, 22, 10), China(2025, 9, 22, 11));
            await data.BureauEventAsync(second.Order, "rejected", China(2025, 9, 24, 10), true, "address-incomplete", "id-photo-unclear");
        }

        var parameters = new ReportParameters
        {
            From = new DateOnly(2025, 9, 1), To = new DateOnly(2025, 9, 30), Province = province, English = english,
            GeneratedBy = "management", GeneratedAt = China(2025, 10, 31, 9), Targets = new ReportTargets { SlaShare = 0.8, ApprovalRate = 0.75 },
        };

        var bytes = await ReadableWorkbookTests.BuildAsync(kind, parameters);
        await ReadableWorkbookTests.SaveForReadingAsync($"charts-{kind}{(english ? "-en" : "")}", bytes);

        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        Assert.Empty(new OpenXmlValidator().Validate(document).Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}"));
        using var book = new XLWorkbook(new MemoryStream(bytes));
        var charts = document.WorkbookPart!.WorksheetParts.SelectMany(w => w.DrawingsPart?.ChartParts ?? [])
            .Select(c => XDocument.Load(c.GetStream())).ToDictionary(c => c.Descendants(C + "title").First().Descendants(A + "t").Single().Value);
        var expected = kind == Report.Sla
            ? new[] { "各环节按时率与目标", "各处理组按时率与目标", "每周进入、完成与积压" }
            : ["Bureau approval rate by province, against the target", "Rejection reasons (Pareto)"];
        Assert.Equal(expected.Order(StringComparer.Ordinal), charts.Keys.Order(StringComparer.Ordinal));
        foreach (var chart in charts.Values)
        {
            foreach (var series in chart.Descendants(C + "ser"))
            {
                AssertCachedAsCells(book, series.Element(C + "tx")!);
                AssertCachedAsCells(book, series.Element(C + "cat")!);
                AssertCachedAsCells(book, series.Element(C + "val")!);
            }
        }

        if (kind == Report.Sla)
        {
            var byStage = charts["各环节按时率与目标"].Descendants(C + "ser").ToList();
            Assert.Equal("'按环节'!$E$3:$E$3", byStage[0].Element(C + "tx")!.Descendants(C + "f").Single().Value);
            Assert.Equal("'按环节'!$E$4:$E$5", byStage[0].Element(C + "val")!.Descendants(C + "f").Single().Value);
            Assert.Equal(["初审", "提交管局"], Points(byStage[0].Element(C + "cat")!));
            // Initial review: two tasks, both done a day late; submission: five attempts, each sent within the working day.
            Assert.Equal(["0", "1"], Points(byStage[0].Element(C + "val")!));
            Assert.Equal(["0.8", "0.8"], Points(byStage[1].Element(C + "val")!));
            Assert.Equal("lineChart", byStage[1].Parent!.Name.LocalName);
        }
        else
        {
            var approval = charts["Bureau approval rate by province, against the target"].Descendants(C + "ser").ToList();
            Assert.Equal("'By province'!$F$3:$F$3", approval[0].Element(C + "tx")!.Descendants(C + "f").Single().Value);
            // Approved 2 of 5 decided submissions (rejected, approved; rejected, approved, rejected).
            Assert.Equal(["0.4"], Points(approval[0].Element(C + "val")!));
            Assert.Equal(["0.75"], Points(approval[1].Element(C + "val")!));
            var pareto = charts["Rejection reasons (Pareto)"].Descendants(C + "ser").ToList();
            Assert.Equal("'Rejection reasons'!$C$4:$C$5", pareto[0].Element(C + "val")!.Descendants(C + "f").Single().Value);
            Assert.Equal(["3", "1"], Points(pareto[0].Element(C + "val")!));
            Assert.Equal(["0.75", "1"], Points(pareto[1].Element(C + "val")!));
            Assert.Equal(["3", "4"], pareto[1].Parent!.Elements(C + "axId").Select(a => a.Attribute("val")!.Value));
        }
    }

    private static List<string> Points(XElement reference) => reference.Descendants(C + "pt").Select(p => p.Element(C + "v")!.Value).ToList();

    /// <summary>The reference's cached points are the cells it names, in order, and there is one per cell.</summary>
    private static void AssertCachedAsCells(XLWorkbook book, XElement reference)
    {
        var formula = reference.Descendants(C + "f").Single().Value;
        var match = RangePattern().Match(formula);
        Assert.True(match.Success, formula);
        var sheet = book.Worksheet(match.Groups["sheet"].Value.Replace("''", "'", StringComparison.Ordinal));
        var column = match.Groups["column"].Value;
        var first = int.Parse(match.Groups["first"].Value, CultureInfo.InvariantCulture);
        var last = int.Parse(match.Groups["last"].Value, CultureInfo.InvariantCulture);
        var cache = reference.Descendants().First(e => e.Name == C + "strCache" || e.Name == C + "numCache");
        Assert.Equal(last - first + 1, int.Parse(cache.Element(C + "ptCount")!.Attribute("val")!.Value, CultureInfo.InvariantCulture));
        foreach (var point in cache.Elements(C + "pt"))
        {
            var cell = sheet.Cell(first + int.Parse(point.Attribute("idx")!.Value, CultureInfo.InvariantCulture), column);
            var value = point.Element(C + "v")!.Value;
            if (cache.Name == C + "numCache")
            {
                Assert.Equal(cell.GetDouble(), double.Parse(value, CultureInfo.InvariantCulture), 12);
            }
            else
            {
                Assert.Equal(cell.GetString(), value);
            }
        }
    }

    [GeneratedRegex(@"^'(?<sheet>(?:[^']|'')+)'!\$(?<column>[A-Z]+)\$(?<first>\d+):\$[A-Z]+\$(?<last>\d+)$")]
    private static partial Regex RangePattern();
}
