using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Backoffice.Web.Features.Auth;
using Backoffice.Web.Tests.Support;
using Dapper;

namespace Backoffice.Web.Tests.Security;

/// <summary>
/// Random and mutated order bodies (fixed seeds, so a failure repeats): never a 5xx, and a refused
/// body stores nothing. Each test acts as its own user, so "nothing stored" is counted exactly.
/// </summary>
public sealed class OrderFuzzTests
{
    private const int Bodies = 240;
    private readonly TestApp _app = TestApp.Instance;

    [Fact]
    public async Task Mutated_and_random_new_orders_never_fail_the_server_and_refusals_store_nothing()
    {
        var (user, client) = await FuzzUserAsync();
        var created = 0;
        var failures = new List<string>();
        for (var seed = 0; seed < Bodies; seed++)
        {
            var body = OrderFuzz.Body(new Random(seed));
            using var response = await client.PostAsync("/api/filings", new StringContent(body, Encoding.UTF8, "application/json"));
            created += response.StatusCode == HttpStatusCode.Created ? 1 : 0;
            if (await OrderFuzz.Unexpected(response) is { } problem)
            {
                failures.Add($"seed {seed}: {problem} for {OrderFuzz.Preview(body)}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        await using var db = await TestApp.OpenDatabaseAsync();
        Assert.Equal(created, await db.ExecuteScalarAsync<int>("select count(*) from filing_orders where created_by = @user", new { user }));
        Assert.Equal(created, await db.ExecuteScalarAsync<int>("select count(*) from audit_log where actor = @user", new { user }) - 1);
    }

    [Fact]
    public async Task Mutated_updates_of_a_draft_never_fail_the_server_and_refusals_leave_it_as_it_was()
    {
        var (_, client) = await FuzzUserAsync();
        var draft = await client.PostJsonAsync("/api/filings", Orders.Enterprise()).ExpectAsync(HttpStatusCode.Created);
        var url = $"/api/filings/{draft["id"]!.GetValue<string>()}";
        var failures = new List<string>();
        for (var seed = 1000; seed < 1000 + Bodies / 2; seed++)
        {
            var before = await RowVersionAsync(url);
            var body = OrderFuzz.Body(new Random(seed));
            using var response = await client.PutAsync(url, new StringContent(body, Encoding.UTF8, "application/json"));
            if (await OrderFuzz.Unexpected(response) is { } problem)
            {
                failures.Add($"seed {seed}: {problem} for {OrderFuzz.Preview(body)}");
            }
            else if (response.StatusCode != HttpStatusCode.OK && await RowVersionAsync(url) != before)
            {
                failures.Add($"seed {seed}: refused with {(int)response.StatusCode} but the draft changed");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task Every_text_field_takes_control_characters_surrogates_and_mixed_scripts_without_failing()
    {
        var (user, client) = await FuzzUserAsync();
        string[] hostile = ["a\0b", "\u0001\u001f", "\ud800", "\u202e\u200b", "Жñ中文🙂한국어", "<b>x</b>", new string('长', 3000)];
        var created = 0;
        var failures = new List<string>();
        var paths = OrderFuzz.StringPaths(Orders.Enterprise()).ToList();
        foreach (var path in paths)
        {
            foreach (var text in hostile)
            {
                var body = OrderFuzz.WithString(Orders.Enterprise(), path, text);
                using var response = await client.PostAsync("/api/filings", new StringContent(body, Encoding.UTF8, "application/json"));
                created += response.StatusCode == HttpStatusCode.Created ? 1 : 0;
                if (await OrderFuzz.Unexpected(response) is { } problem)
                {
                    failures.Add($"{path} = {OrderFuzz.Preview(text)}: {problem}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(paths.Count > 15, string.Join(", ", paths));
        await using var db = await TestApp.OpenDatabaseAsync();
        Assert.Equal(created, await db.ExecuteScalarAsync<int>("select count(*) from filing_orders where created_by = @user", new { user }));
    }

    private static async Task<int> RowVersionAsync(string url)
    {
        await using var db = await TestApp.OpenDatabaseAsync();
        return await db.ExecuteScalarAsync<int>("select row_version from filing_orders where id = @id", new { id = Guid.Parse(url[^36..]) });
    }

    private async Task<(string User, HttpClient Client)> FuzzUserAsync()
    {
        var user = "fuzz" + Guid.NewGuid().ToString("N")[..12];
        await using (var db = await TestApp.OpenDatabaseAsync())
        {
            await db.ExecuteAsync(
                "insert into users (username, display_name, password_hash, roles) values (@user, @user, @hash, '{compliance}')",
                new { user, hash = SignIn.HashPassword("Passw0rd!") });
        }

        return (user, await _app.SignedInAs(user));
    }
}
