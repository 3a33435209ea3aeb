using Backoffice.Web.Tests.Support;
using Dapper;

namespace Backoffice.Web.Tests.Workflows;

/// <summary>The approval notice names the website filing number to show on the home page, and in Jiangsu the 「版权所有」 line.</summary>
public sealed class ApprovalNoticeTests
{
    private readonly TestApp _app = TestApp.Instance;

    [Theory]
    [InlineData("440000", "440300", false)]
    [InlineData("320000", "320100", true)]
    public async Task The_notice_names_the_website_number_linked_to_the_miit_site(string province, string region, bool jiangsu)
    {
        var body = Orders.Enterprise();
        body["subject"]!["province"] = province;
        body["subject"]!["certificateNumber"] = Orders.UniqueUscc(region: region);
        body["subject"]!["name"] = jiangsu ? "南京市测试科技有限公司" : "深圳市测试科技有限公司";
        var flow = await Flow.SubmittedAsync(_app, body);
        await flow.ToBureauReviewAsync();
        await flow.BureauAsync("approved");

        var website = (await flow.GetAsync())["websiteFilingNumbers"]![0]!.GetValue<string>();
        Assert.EndsWith("号-1", website);
        await using var db = await TestApp.OpenDatabaseAsync();
        var notice = await db.QuerySingleAsync<string>(
            "select body from outbox_messages where order_id = @id and template like 'notify-approved%'", new { id = Guid.Parse(flow.Id) });
        Assert.Contains($"网站备案号{website}", notice);
        Assert.Contains("beian.miit.gov.cn", notice);
        Assert.Equal(jiangsu, notice.Contains("「版权所有：南京市测试科技有限公司」", StringComparison.Ordinal));
    }
}
