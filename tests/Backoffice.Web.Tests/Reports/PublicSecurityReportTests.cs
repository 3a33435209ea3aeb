using Backoffice.Reports;
using static Backoffice.Web.Tests.Reports.ReportData;

namespace Backoffice.Web.Tests.Reports;

/// <summary>
/// The public-security follow-up workbook as of 2025-03-31 over approved orders in Sichuan (510000): each
/// follow-up's approval day, reminder and report, and what the test expects from them by its own count.
/// </summary>
public sealed class PublicSecurityReportTests
{
    private static readonly DateOnly AsOf = new(2025, 3, 31);

    private static readonly ReportParameters Parameters = new()
    {
        From = AsOf, To = AsOf, Province = "510000", GeneratedBy = "management", GeneratedAt = China(2025, 4, 15, 9),
    };

    /// <summary>An approved order as the test writes it: when approved, reminded and reported (null: not, or not by the as-of day).</summary>
    private sealed record Followed(string Name, string Nature, int Websites, DateTimeOffset Approved, DateTimeOffset? Reminded, DateTimeOffset? Reported)
    {
        public int Days => AsOf.DayNumber - DateOnly.FromDateTime(Approved.ToOffset(TimeSpan.FromHours(8)).DateTime).DayNumber;

        public bool ReportedByAsOf => Reported < AsOfEnd;

        public bool Overdue => !ReportedByAsOf && Days > 30;

        public bool RemindedByAsOf => Reminded < AsOfEnd;

        private static DateTimeOffset AsOfEnd => China(2025, 4, 1, 0);
    }

    private static readonly Followed[] Orders =
    [
        new("成都甲科技有限公司", "enterprise", 1, China(2025, 3, 25, 10), China(2025, 4, 14, 10), null),
        new("张三丰", "individual", 2, China(2025, 3, 21, 23, 30), null, China(2025, 3, 22, 10)),
        new("成都乙科技有限公司", "enterprise", 1, China(2025, 3, 11, 9), China(2025, 3, 31, 10), null),
        new("成都丙科技有限公司", "enterprise", 1, China(2025, 3, 10, 9), China(2025, 3, 30, 9), null),
        new("成都丁科技有限公司", "enterprise", 1, China(2025, 2, 20, 9), China(2025, 3, 12, 9), null),
        new("成都戊科技有限公司", "enterprise", 1, China(2025, 2, 25, 9), China(2025, 3, 17, 9), China(2025, 3, 20, 9)),
        new("成都己科技有限公司", "enterprise", 1, China(2025, 1, 5, 9), China(2025, 1, 25, 9), China(2025, 4, 2, 9)),
        new("成都庚科技有限公司", "enterprise", 1, China(2025, 4, 1, 9), null, null),
    ];

    /// <summary>Days since approval: 0–10, 11–20, 21–30, 31–60, over 60.</summary>
    private static readonly (string Name, int From, int To)[] Buckets =
        [("0–10天", 0, 10), ("11–20天", 11, 20), ("21–30天", 21, 30), ("31–60天", 31, 60), ("60天以上", 61, int.MaxValue)];

    [Fact]
    public async Task Follow_ups_by_days_since_approval_match_an_independent_count_and_names_of_individuals_are_masked()
    {
        var numbers = await SeedAsync("510000", "new-filing");

        using var book = await Workbooks.BuildAsync(Report.PublicSecurity, Parameters);

        Assert.Equal(["封面", "按距批准天数", "到期与逾期（按处理组）", "明细", "到期与逾期明细"], book.Worksheets.Select(s => s.Name));
        var cover = book.Worksheet("封面");
        Assert.Equal("公安备案跟进报表", cover.Cell(1, 1).GetString());
        Assert.Equal(("截至", "2025-03-31"), (cover.Cell(3, 1).GetString(), cover.Cell(3, 2).GetString()));
        Assert.Equal("四川", cover.Cell(5, 2).GetString());

        var counted = Orders.Where(o => o.Days >= 0).ToList();
        var buckets = book.Worksheet("按距批准天数");
        foreach (var (name, from, to) in Buckets)
        {
            AssertBucket(buckets.Row(name), counted.Where(o => o.Days >= from && o.Days <= to).ToList());
        }

        AssertBucket(buckets.Row("合计"), counted);
        Assert.Equal(Buckets.Length + 1, buckets.DataRows().Count);

        var detail = book.Worksheet("明细").DataRows().ToDictionary(r => r.Cell(1).GetString());
        Assert.Equal(counted.Count, detail.Count);
        for (var i = 0; i < Orders.Length; i++)
        {
            var order = Orders[i];
            if (order.Days < 0)
            {
                Assert.False(detail.ContainsKey(numbers[i]));
                continue;
            }

            var row = detail[numbers[i]];
            Assert.Equal(order.Nature == "individual" ? "张**" : order.Name, row.Cell(3).GetString());
            Assert.Equal(order.Days, row.Cell(6).GetDouble());
            Assert.Equal(order.RemindedByAsOf, !row.Cell(7).IsEmpty());
            Assert.Equal(order.ReportedByAsOf ? "已报备" : order.Overdue ? "逾期" : "待报备", row.Cell(10).GetString());
            Assert.Equal(order.ReportedByAsOf, !row.Cell(9).IsEmpty());
        }

        Assert.DoesNotContain(book.Worksheets.SelectMany(s => s.CellsUsed()), c => c.GetString().Contains("张三丰", StringComparison.Ordinal));
        foreach (var sheet in book.Worksheets.Skip(1))
        {
            Workbooks.AssertTable(sheet);
        }
    }

    [Fact]
    public async Task Filing_type_filter_counts_the_follow_ups_of_that_type_only()
    {
        var numbers = await SeedAsync("450000", "new-filing", "add-website-subject-here");

        using var book = await Workbooks.BuildAsync(Report.PublicSecurity, Parameters with { Province = "450000", FilingType = "add-website-subject-here" });

        var kept = Enumerable.Range(0, Orders.Length).Where(i => i % 2 == 1 && Orders[i].Days >= 0).ToList();
        Assert.Equal("新增网站（主体在本接入商）", book.Worksheet("封面").Cell(4, 2).GetString());
        var buckets = book.Worksheet("按距批准天数");
        foreach (var (name, from, to) in Buckets)
        {
            AssertBucket(buckets.Row(name), kept.Select(i => Orders[i]).Where(o => o.Days >= from && o.Days <= to).ToList());
        }

        AssertBucket(buckets.Row("合计"), [.. kept.Select(i => Orders[i])]);
        Assert.Equal(kept.Select(i => numbers[i]).Order(StringComparer.Ordinal),
            book.Worksheet("明细").DataRows().Select(r => r.Cell(1).GetString()).Order(StringComparer.Ordinal));
    }

    /// <summary>Approved orders, websites, reminded, reported, not reported, overdue, reported share.</summary>
    private static void AssertBucket(ClosedXML.Excel.IXLRangeRow row, IReadOnlyList<Followed> orders)
    {
        var reported = orders.Count(o => o.ReportedByAsOf);
        Assert.Equal(orders.Count, row.Cell(2).GetDouble());
        Assert.Equal(orders.Sum(o => o.Websites), row.Cell(3).GetDouble());
        Assert.Equal(orders.Count(o => o.RemindedByAsOf), row.Cell(4).GetDouble());
        Assert.Equal(reported, row.Cell(5).GetDouble());
        Assert.Equal(orders.Count - reported, row.Cell(6).GetDouble());
        Assert.Equal(orders.Count(o => o.Overdue), row.Cell(7).GetDouble());
        if (orders.Count == 0)
        {
            Assert.True(row.Cell(8).IsEmpty());
        }
        else
        {
            Assert.Equal((double)reported / orders.Count, row.Cell(8).GetDouble(), 9);
        }
    }

    /// <summary>
    /// Writes the approved orders in <paramref name="province"/> with their follow-ups, reminders and reports, the
    /// filing types taken in turn; returns their order numbers.
    /// </summary>
    private static async Task<string[]> SeedAsync(string province, params string[] filingTypes)
    {
        var data = await OpenAsync();
        await using var db = data.Db;
        var numbers = new List<string>();
        foreach (var (o, i) in Orders.Select((o, i) => (o, i)))
        {
            var websites = Enumerable.Range(1, o.Websites).Select(n => $"川ICP备{Random.Shared.Next(10_000_000, 99_999_999)}号-{n}").ToArray();
            var order = await data.OrderAsync(province, o.Approved.AddDays(-20), filingTypes[i % filingTypes.Length],
                subjectName: o.Name, nature: o.Nature, websiteNumbers: websites,
                publicSecurityNumber: o.Reported is null ? null : "51010402000123");
            await data.InstanceAsync(order.Order, "public-security-follow-up", o.Approved);
            if (o.Reminded is { } reminded)
            {
                await data.ReminderAsync(order.Order, reminded);
            }

            if (o.Reported is { } reported)
            {
                await data.ReportedAsync(order.Number, reported);
            }

            numbers.Add(order.Number);
        }

        return [.. numbers];
    }
}
