using System.Net;
using System.Security.Cryptography;
using Backoffice.Web.Tests.Support;
using Dapper;

namespace Backoffice.Web.Tests.Filings;

/// <summary>
/// GET /api/filings searches as the staff order page does (q: order number, certificate number, the beginning of
/// the subject's name, a domain) and counts its total only up to 1,000 orders past the page, saying when it stopped.
/// </summary>
public sealed class FilingListTests
{
    private readonly TestApp _app = TestApp.Instance;

    [Fact]
    public async Task The_list_finds_an_order_by_number_certificate_name_prefix_and_domain()
    {
        var name = "列表搜索" + Convert.ToHexString(RandomNumberGenerator.GetBytes(4));
        var domain = Orders.UniqueDomain();
        var body = Orders.Enterprise(domain);
        body["subject"]!["name"] = name + "科技有限公司";
        var certificate = body["subject"]!["certificateNumber"]!.GetValue<string>();
        var flow = await Flow.CreateAsync(_app, body);
        var number = (await flow.GetAsync())["orderNumber"]!.GetValue<string>();

        foreach (var q in new[] { number, certificate, name, domain.ToUpperInvariant() })
        {
            var page = await _app.Console().GetAsync($"/api/filings?q={Uri.EscapeDataString(q)}").ExpectAsync(HttpStatusCode.OK);
            Assert.Equal([flow.Id], page["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()));
            Assert.Equal(1, page["total"]!.GetValue<long>());
            Assert.False(page["totalCapped"]!.GetValue<bool>());
        }

        var other = await _app.Console().GetAsync($"/api/filings?q={Uri.EscapeDataString(name)}&status=approved").ExpectAsync(HttpStatusCode.OK);
        Assert.Empty(other["items"]!.AsArray());
        Assert.Equal(0, other["total"]!.GetValue<long>());
    }

    [Fact]
    public async Task A_search_text_over_100_characters_is_400_on_q_and_a_nul_matches_nothing()
    {
        var problem = await _app.Console().GetAsync($"/api/filings?q={new string('a', 101)}").ExpectAsync(HttpStatusCode.BadRequest);
        var nul = await _app.Console().GetAsync("/api/filings?q=%00").ExpectAsync(HttpStatusCode.OK);

        Assert.Equal(["too-long"], problem.ErrorCodes()["q"]);
        Assert.Empty(nul["items"]!.AsArray());
    }

    [Fact]
    public async Task The_total_stops_a_thousand_orders_past_the_page_and_says_it_is_a_lower_bound()
    {
        var name = "上限测试" + Convert.ToHexString(RandomNumberGenerator.GetBytes(4));
        await using (var db = await TestApp.OpenDatabaseAsync())
        {
            await db.ExecuteAsync(
                """
                insert into filing_orders (id, order_number, filing_type, status, province, subject_nature, subject_name,
                    subject_certificate_type, subject_certificate_number, body, created_by, created_at, updated_at)
                select gen_random_uuid(), @name || i, 'new-filing', 'withdrawn', '650000', 'enterprise', @name || i,
                       'uscc', @name || i, '{}', 'console', timestamptz '2001-01-01' + i * interval '1 minute', timestamptz '2001-01-01'
                from generate_series(1, 1001) i
                """, new { name });
        }

        var first = await _app.Console().GetAsync($"/api/filings?q={Uri.EscapeDataString(name)}&pageSize=100").ExpectAsync(HttpStatusCode.OK);
        var second = await _app.Console().GetAsync($"/api/filings?q={Uri.EscapeDataString(name)}&pageSize=100&page=2").ExpectAsync(HttpStatusCode.OK);

        Assert.Equal(1000, first["total"]!.GetValue<long>());
        Assert.True(first["totalCapped"]!.GetValue<bool>());
        Assert.Equal(name + "1001", first["items"]![0]!["orderNumber"]!.GetValue<string>());
        Assert.Equal(100, first["items"]!.AsArray().Count);
        Assert.Equal(1001, second["total"]!.GetValue<long>());
        Assert.False(second["totalCapped"]!.GetValue<bool>());
        Assert.Equal(name + "901", second["items"]![0]!["orderNumber"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_reviewers_search_counts_only_the_orders_of_his_teams_and_stops_a_thousand_past_the_page()
    {
        var hex = Convert.ToHexString(RandomNumberGenerator.GetBytes(4));
        var name = "审核上限" + hex;
        var team = "count-" + hex.ToLowerInvariant();
        await using (var db = await TestApp.OpenDatabaseAsync())
        {
            await db.ExecuteAsync("insert into teams (id, name) values (@team, @name)", new { team, name = "计数组" + hex });
            await db.ExecuteAsync(
                """
                insert into filing_orders (id, order_number, filing_type, status, province, subject_nature, subject_name,
                    subject_certificate_type, subject_certificate_number, body, created_by, created_at, updated_at)
                select md5(@name || i)::uuid, @name || i, 'new-filing', 'withdrawn', '650000', 'enterprise', @name || i,
                       'uscc', @name || i, '{}', 'console', timestamptz '2001-01-01' + i * interval '1 minute', timestamptz '2001-01-01'
                from generate_series(1, 1002) i;
                insert into workflow_instances (id, definition_id, version, order_id, status, created_at, updated_at)
                values (md5(@name)::uuid, 'new-filing', 1, md5(@name || 1)::uuid, 'finished', now(), now());
                insert into review_tasks (id, instance_id, bookmark_id, order_id, activity_id, step, team, outcomes, status,
                    created_at, due_at, outcome, completed_by, completed_at)
                select gen_random_uuid(), md5(@name)::uuid, gen_random_uuid(), md5(@name || i)::uuid, 'initial-review', '初审',
                       case when i = 1002 then 'second-review' else @team end, '{approve,return}', 'done',
                       now(), now(), 'approve', 'bench', now()
                from generate_series(1, 1002) i;
                """, new { name, team });
        }

        var reviewer = await _app.SignedInAs(await StaffPages.NewAccountAsync(["reviewer"], team));
        var q = Uri.EscapeDataString(name);
        var first = await reviewer.GetAsync($"/api/filings?q={q}&pageSize=100").ExpectAsync(HttpStatusCode.OK);
        var second = await reviewer.GetAsync($"/api/filings?q={q}&pageSize=100&page=2").ExpectAsync(HttpStatusCode.OK);
        var filtered = await reviewer.GetAsync($"/api/filings?q={q}&pageSize=100&page=2&status=withdrawn").ExpectAsync(HttpStatusCode.OK);
        var all = await _app.Console().GetAsync($"/api/filings?q={q}&pageSize=100&page=2").ExpectAsync(HttpStatusCode.OK);

        Assert.Equal(name + "1001", first["items"]![0]!["orderNumber"]!.GetValue<string>());
        Assert.Equal(1000, first["total"]!.GetValue<long>());
        Assert.True(first["totalCapped"]!.GetValue<bool>());
        Assert.Equal(name + "901", second["items"]![0]!["orderNumber"]!.GetValue<string>());
        Assert.Equal(1001, second["total"]!.GetValue<long>());
        Assert.False(second["totalCapped"]!.GetValue<bool>());
        Assert.Equal(1001, filtered["total"]!.GetValue<long>());
        Assert.Equal(1002, all["total"]!.GetValue<long>());
        Assert.Equal(name + "902", all["items"]![0]!["orderNumber"]!.GetValue<string>());
    }
}
