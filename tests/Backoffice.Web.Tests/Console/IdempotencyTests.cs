using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Backoffice.Web.Tests.Support;
using Dapper;

namespace Backoffice.Web.Tests.Console;

/// <summary>API.md, console integration: a console that retries with the same Idempotency-Key never files twice.</summary>
public sealed class IdempotencyTests
{
    private readonly TestApp _app = TestApp.Instance;

    [Fact]
    public async Task The_same_key_and_body_replays_the_first_answer_without_filing_again()
    {
        var body = Orders.Enterprise();
        var key = Guid.NewGuid().ToString();
        using var first = await PostAsync(key, body);
        var created = await first.ExpectAsync(HttpStatusCode.Created);
        using var again = await PostAsync(key, body);
        var replayed = await again.ExpectAsync(HttpStatusCode.Created);

        Assert.Equal(created.ToJsonString(), replayed.ToJsonString());
        Assert.Equal("true", again.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.False(first.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(first.Headers.Location, again.Headers.Location);
        Assert.Equal(1, await OrdersOfAsync(body));
    }

    [Fact]
    public async Task The_same_key_with_another_body_is_422_and_files_nothing()
    {
        var key = Guid.NewGuid().ToString();
        await (await PostAsync(key, Orders.Enterprise())).ExpectAsync(HttpStatusCode.Created);
        var other = Orders.Enterprise();
        var problem = await (await PostAsync(key, other)).ExpectAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Equal("idempotency-key-reused", problem["code"]!.GetValue<string>());
        Assert.Equal(0, await OrdersOfAsync(other));
    }

    [Fact]
    public async Task Requests_racing_with_one_key_file_once_and_the_others_are_told_it_is_in_flight()
    {
        var body = Orders.Enterprise();
        var key = Guid.NewGuid().ToString();
        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            using var response = await PostAsync(key, body);
            return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
        }));

        Assert.All(answers, a => Assert.True(a.Item1 is 201 or 409, $"{a.Item1} {a.Item2}"));
        var ids = answers.Where(a => a.Item1 == 201).Select(a => JsonNode.Parse(a.Item2)!["id"]!.GetValue<string>()).Distinct().ToList();
        Assert.Single(ids);
        Assert.All(answers.Where(a => a.Item1 == 409), a => Assert.Equal("idempotency-key-in-flight", JsonNode.Parse(a.Item2)!["code"]!.GetValue<string>()));
        Assert.Equal(1, await OrdersOfAsync(body));
    }

    [Fact]
    public async Task A_key_longer_than_255_characters_is_a_field_error()
    {
        var problem = await (await PostAsync(new string('k', 256), Orders.Enterprise())).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["idempotency-key-format"], problem.ErrorCodes()["Idempotency-Key"]);
    }

    private Task<HttpResponseMessage> PostAsync(string key, JsonObject body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/filings")
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Idempotency-Key", key);
        return _app.Console().SendAsync(request);
    }

    private static async Task<long> OrdersOfAsync(JsonObject body)
    {
        await using var db = await TestApp.OpenDatabaseAsync();
        return await db.ExecuteScalarAsync<long>(
            "select count(*) from filing_orders where subject_certificate_number = @number",
            new { number = body["subject"]!["certificateNumber"]!.GetValue<string>() });
    }
}
