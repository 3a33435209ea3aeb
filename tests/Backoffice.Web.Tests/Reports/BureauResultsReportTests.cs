using Backoffice.Reports;
using Backoffice.Reports.Workbooks;
using ClosedXML.Excel;
using static Backoffice.Web.Tests.Reports.IndependentCalendar;
using static Backoffice.Web.Tests.Reports.ReportData;

namespace Backoffice.Web.Tests.Reports;

/// <summary>
/// The bureau-results workbook over submissions in Shaanxi (610000) and Yunnan (530000) around the 2025
/// Spring Festival: 01-28..02-04 off, Sunday 01-26 and Saturday 02-08 worked (调休). Every figure is
/// checked against the test's own count of the same submissions (<see cref="IndependentCalendar"/>).
/// </summary>
public sealed class BureauResultsReportTests
{
    private static readonly ReportParameters Period = new()
    {
        From = new DateOnly(2025, 1, 20), To = new DateOnly(2025, 2, 14), GeneratedBy = "management", GeneratedAt = China(2025, 4, 15, 9),
    };

    /// <summary>One submission as the test knows it: province, attempt, result ("approved", "rejected", "sms-expired" or null), review start and end, reasons.</summary>
    private sealed record Attempt(string Province, int Number, string? Result, DateTimeOffset? ReviewFrom, DateTimeOffset? ResultAt, string[] Reasons)
    {
        public double? ReviewDays => Result is "approved" or "rejected" ? WorkingDays(ReviewFrom!.Value, ResultAt!.Value) : null;

        public bool Decided => Result is not null;

        public bool Rejected => Result is "rejected" or "sms-expired";
    }

    [Fact]
    public async Task Results_rates_review_times_and_ranked_reasons_match_an_independent_count()
    {
        var attempts = await SeedAsync("new-filing");

        using var book = await Workbooks.BuildAsync(Report.BureauResults, Period with { FilingType = "new-filing" });

        Assert.Equal(["封面", "按省份", "退回原因排名", "各省退回原因", "明细"], book.Worksheets.Select(s => s.Name));
        Assert.Equal("管局审核结果报表", book.Worksheet("封面").Cell(1, 1).GetString());
        var provinces = book.Worksheet("按省份");
        AssertProvince(provinces.Row("陕西"), attempts.Where(a => a.Province == "610000").ToList());
        AssertProvince(provinces.Row("云南"), attempts.Where(a => a.Province == "530000").ToList());
        AssertProvince(provinces.Row("合计"), attempts);
        Assert.Equal(3, provinces.DataRows().Count);
        Assert.Equal("0.0%", provinces.Row("合计").Cell(6).Style.NumberFormat.Format);

        // Overall: 证件不清晰 3 times, then three reasons once each sharing rank 2, in the order of their codes.
        var rejections = attempts.Count(a => a.Rejected);
        var ranked = book.Worksheet("退回原因排名").DataRows()
            .Select(r => $"{r.Cell(1).GetDouble()} {r.Cell(2).GetString()} {r.Cell(3).GetDouble()} {r.Cell(4).GetDouble():0.0000}").ToList();
        Assert.Equal(
        [
            $"1 证件图片不清晰或不完整 3 {3.0 / rejections:0.0000}", $"2 地址未详细到门牌号 1 {1.0 / rejections:0.0000}",
            $"2 电话无法接通 1 {1.0 / rejections:0.0000}", $"2 短信核验超时 1 {1.0 / rejections:0.0000}",
        ], ranked);

        var byProvince = book.Worksheet("各省退回原因").DataRows()
            .Select(r => $"{r.Cell(1).GetString()} {r.Cell(2).GetDouble()} {r.Cell(3).GetString()} {r.Cell(4).GetDouble()} {r.Cell(5).GetDouble():0.0000}").ToList();
        Assert.Equal(
        [
            "云南 1 电话无法接通 1 1.0000", "云南 1 证件图片不清晰或不完整 1 1.0000",
            "陕西 1 证件图片不清晰或不完整 2 0.6667", "陕西 2 地址未详细到门牌号 1 0.3333", "陕西 2 短信核验超时 1 0.3333",
        ], byProvince.OrderBy(r => r, StringComparer.Ordinal));

        var detail = book.Worksheet("明细");
        Assert.Equal(attempts.Count, detail.DataRows().Count);
        var resubmitted = detail.DataRows().Where(r => r.Cell(4).GetDouble() == 2).ToList();
        Assert.Equal("管局审核通过", Assert.Single(resubmitted).Cell(7).GetString());
        Assert.Equal(["待审"], detail.DataRows().Where(r => r.Cell(8).IsEmpty()).Select(r => r.Cell(7).GetString()));
        Assert.Contains(detail.DataRows(), r => r.Cell(7).GetString() == "短信核验超时" && r.Cell(10).GetString() == "短信核验超时");
        Assert.Contains(detail.DataRows(), r => r.Cell(10).GetString() == "证件图片不清晰或不完整；地址未详细到门牌号");
        Assert.Equal("yyyy-mm-dd hh:mm", detail.Cell(ReportWorkbook.HeaderRow + 1, 5).Style.NumberFormat.Format);
        foreach (var sheet in book.Worksheets.Skip(1))
        {
            Workbooks.AssertTable(sheet);
        }
    }

    [Fact]
    public async Task Province_filter_keeps_that_province_and_labels_are_english_when_asked()
    {
        var attempts = await SeedAsync("change-website");

        using var book = await Workbooks.BuildAsync(Report.BureauResults, Period with { FilingType = "change-website", Province = "530000", English = true });

        Assert.Equal(["Cover", "By province", "Rejection reasons", "Reasons by province", "Detail"], book.Worksheets.Select(s => s.Name));
        Assert.Equal("Yunnan", book.Worksheet("Cover").Cell(5, 2).GetString());
        var provinces = book.Worksheet("By province");
        Assert.Equal(["Yunnan", "Total"], provinces.DataRows().Select(r => r.Cell(1).GetString()));
        AssertProvince(provinces.Row("Total"), attempts.Where(a => a.Province == "530000").ToList());
        Assert.Equal(["Certificate image unclear or incomplete", "Phone unreachable"],
            book.Worksheet("Rejection reasons").DataRows().Select(r => r.Cell(2).GetString()));
    }

    /// <summary>Submitted, approved, rejected, pending, approval and first-pass rates, review median, p90, max and over 20 days.</summary>
    private static void AssertProvince(IXLRangeRow row, IReadOnlyList<Attempt> attempts)
    {
        var approved = attempts.Count(a => a.Result == "approved");
        var rejected = attempts.Count(a => a.Rejected);
        var first = attempts.Where(a => a.Number == 1 && a.Decided).ToList();
        var reviews = attempts.Where(a => a.ReviewDays is not null).ToList();
        Assert.Equal(attempts.Count, row.Cell(2).GetDouble());
        Assert.Equal(approved, row.Cell(3).GetDouble());
        Assert.Equal(rejected, row.Cell(4).GetDouble());
        Assert.Equal(attempts.Count(a => !a.Decided), row.Cell(5).GetDouble());
        Assert.Equal((double)approved / (approved + rejected), row.Cell(6).GetDouble(), 9);
        Assert.Equal((double)first.Count(a => a.Result == "approved") / first.Count, row.Cell(7).GetDouble(), 9);
        Assert.Equal(Percentile(reviews.Select(a => a.ReviewDays!.Value), 0.5), row.Cell(8).GetDouble(), 9);
        Assert.Equal(Percentile(reviews.Select(a => a.ReviewDays!.Value), 0.9), row.Cell(9).GetDouble(), 9);
        Assert.Equal(reviews.Max(a => a.ReviewDays!.Value), row.Cell(10).GetDouble(), 9);
        Assert.Equal(reviews.Count(a => a.ResultAt > AddWorkingDays(a.ReviewFrom!.Value, 20)), row.Cell(11).GetDouble());
    }

    /// <summary>
    /// Writes the submissions and bureau events of orders of <paramref name="filingType"/> (each test its own type, filtered
    /// on, so the tests never see each other's rows); returns what the test expects of each submission in the period.
    /// </summary>
    private static async Task<List<Attempt>> SeedAsync(string filingType)
    {
        var data = await OpenAsync();
        await using var db = data.Db;
        var attempts = new List<Attempt>();

        async Task Submit(Guid order, string province, int number, DateTimeOffset submitted, DateTimeOffset? smsVerified, string? result, DateTimeOffset? resultAt, params string[] reasons)
        {
            await data.SubmissionAsync(order, number, submitted, submitted.AddMinutes(1));
            if (smsVerified is { } verified)
            {
                await data.BureauEventAsync(order, "sms-verified", verified);
            }

            if (result is not null)
            {
                await data.BureauEventAsync(order, result, resultAt!.Value, true, reasons);
            }

            attempts.Add(new Attempt(province, number, result, smsVerified ?? submitted, resultAt, result == "sms-expired" ? ["sms-expired"] : reasons));
        }

        // Shaanxi. Approved across the holiday and the worked Sunday 01-26.
        var a1 = await data.OrderAsync("610000", China(2025, 1, 20, 9), filingType);
        await Submit(a1.Order, "610000", 1, China(2025, 1, 22, 10), China(2025, 1, 22, 14), "approved", China(2025, 2, 7, 12));
        // Rejected with two reasons over the worked Saturday 02-08, approved on the second submission.
        var a2 = await data.OrderAsync("610000", China(2025, 1, 20, 9), filingType);
        await Submit(a2.Order, "610000", 1, China(2025, 1, 24, 9), China(2025, 1, 24, 10), "rejected", China(2025, 2, 10, 10), "certificate-unclear", "address-not-detailed");
        await Submit(a2.Order, "610000", 2, China(2025, 2, 11, 9), China(2025, 2, 11, 9), "approved", China(2025, 2, 12, 9));
        // Still at the bureau.
        var a3 = await data.OrderAsync("610000", China(2025, 1, 20, 9), filingType);
        await Submit(a3.Order, "610000", 1, China(2025, 2, 13, 9), null, null, null);
        // The applicant let the SMS verification expire: the bureau returns the order.
        var a4 = await data.OrderAsync("610000", China(2025, 1, 20, 9), filingType);
        await Submit(a4.Order, "610000", 1, China(2025, 1, 20, 9), null, "sms-expired", China(2025, 1, 21, 9));
        // A duplicate approval that was not applied is ignored; the rejection came after the 20-day limit.
        var a5 = await data.OrderAsync("610000", China(2025, 1, 20, 9), filingType);
        await data.BureauEventAsync(a5.Order, "approved", China(2025, 1, 22, 9), applied: false);
        await Submit(a5.Order, "610000", 1, China(2025, 1, 21, 9), China(2025, 1, 21, 10), "rejected", China(2025, 3, 31, 10), "certificate-unclear");

        // Yunnan. A type without SMS verification: review time runs from the submission.
        var b1 = await data.OrderAsync("530000", China(2025, 1, 20, 9), filingType);
        await Submit(b1.Order, "530000", 1, China(2025, 1, 23, 15), null, "approved", China(2025, 1, 27, 15));
        var b2 = await data.OrderAsync("530000", China(2025, 1, 20, 9), filingType);
        await Submit(b2.Order, "530000", 1, China(2025, 2, 5, 9), China(2025, 2, 5, 9, 30), "rejected", China(2025, 2, 8, 18), "certificate-unclear", "phone-unreachable");
        // Submitted after the period: not in the report.
        var b3 = await data.OrderAsync("530000", China(2025, 1, 20, 9), filingType);
        await data.SubmissionAsync(b3.Order, 1, China(2025, 2, 20, 9), null);
        return attempts;
    }
}
