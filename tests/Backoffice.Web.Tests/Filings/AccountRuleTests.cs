using System.Net;
using System.Text.Json.Nodes;
using Backoffice.Web.Tests.Support;
using Dapper;

namespace Backoffice.Web.Tests.Filings;

/// <summary>
/// The console names the customer account an order belongs to. With the provider's account rule on (Kingsoft:
/// 一个账号只能备案一个主体, the subject's name is the account's real name) a second subject or another name is a
/// field error; with it off (the default) the account is only recorded.
/// </summary>
public sealed class AccountRuleTests
{
    [Fact]
    public async Task With_the_rule_off_the_account_is_recorded_whatever_its_name_and_subjects()
    {
        var app = TestApp.Instance;
        var account = NewAccount();
        var first = Orders.Enterprise();
        first["account"] = Account(account, "李四");
        var second = Orders.Enterprise();
        second["account"] = Account(account, "李四");

        var created = await app.Console().PostJsonAsync("/api/filings", first).ExpectAsync(HttpStatusCode.Created);
        await app.Console().PostJsonAsync("/api/filings", second).ExpectAsync(HttpStatusCode.Created);

        var id = created["id"]!.GetValue<string>();
        var read = await app.Console().GetAsync($"/api/filings/{id}").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(account, read["account"]!["id"]!.GetValue<string>());
        Assert.Equal("李四", read["account"]!["realName"]!.GetValue<string>());
        await using var db = await TestApp.OpenDatabaseAsync();
        Assert.Equal(2, await db.ExecuteScalarAsync<int>("select count(*) from filing_orders where account_id = @account", new { account }));
    }

    [Fact]
    public async Task An_account_that_cannot_be_read_is_a_field_error()
    {
        var body = Orders.Enterprise();
        body["account"] = new JsonObject { ["id"] = "has spaces in it", ["realName"] = "" };

        var problem = await TestApp.Instance.Console().PostJsonAsync("/api/filings", body).ExpectAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["account-id-format"], problem.ErrorCodes()["account.id"]);
        Assert.Equal(["required"], problem.ErrorCodes()["account.realName"]);
    }

    [Fact]
    public async Task With_the_rule_on_an_account_files_one_subject_named_as_its_real_name()
    {
        await using var app = new TestApp(testMode: true, settings: new Dictionary<string, string> { ["Backoffice:OneSubjectPerAccount"] = "true" });
        var account = NewAccount();
        var subjectName = Orders.Enterprise()["subject"]!["name"]!.GetValue<string>();

        var unnamed = await app.Console().PostJsonAsync("/api/filings", Orders.Enterprise()).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["required"], unnamed.ErrorCodes()["account"]);

        var otherName = Orders.Enterprise();
        otherName["account"] = Account(account, "深圳市另一家科技有限公司");
        var misnamed = await app.Console().PostJsonAsync("/api/filings", otherName).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["account-real-name-mismatch"], misnamed.ErrorCodes()["subject.name"]);

        var first = Orders.Enterprise();
        first["account"] = Account(account, subjectName);
        var created = await app.Console().PostJsonAsync("/api/filings", first).ExpectAsync(HttpStatusCode.Created);

        var secondSubject = Orders.Enterprise();
        secondSubject["account"] = Account(account, subjectName);
        var refused = await app.Console().PostJsonAsync("/api/filings", secondSubject).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["account-other-subject"], refused.ErrorCodes()["account.id"]);

        var elsewhere = Orders.Enterprise();
        elsewhere["account"] = Account(NewAccount(), subjectName);
        await app.Console().PostJsonAsync("/api/filings", elsewhere).ExpectAsync(HttpStatusCode.Created);

        await using var db = await TestApp.OpenDatabaseAsync();
        Assert.Equal(1, await db.ExecuteScalarAsync<int>("select count(*) from filing_orders where account_id = @account", new { account }));
        Assert.Equal(account, await db.ExecuteScalarAsync<string>(
            "select account_id from filing_orders where id = @id", new { id = Guid.Parse(created["id"]!.GetValue<string>()) }));
    }

    private static string NewAccount() => $"acct-{Guid.NewGuid():N}";

    private static JsonObject Account(string id, string realName) => new() { ["id"] = id, ["realName"] = realName };
}
