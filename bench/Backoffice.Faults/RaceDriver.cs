using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Dapper;
using Npgsql;

namespace Backoffice.Faults;

/// <summary>
/// Reviewers of one team (made in the database, each with its own token) all claim and complete the
/// same initial-review tasks at once: each task must be claimed and completed once, by one reviewer,
/// and every other call answered 409 naming the holder or saying the task is closed.
/// </summary>
public sealed class RaceDriver(Uri baseUrl, string connectionString, int tasks, int reviewers)
{
    public async Task<int> RunAsync()
    {
        var api = new ApiClient(baseUrl, DateTimeOffset.UtcNow.AddMinutes(5));
        var names = await NewReviewersAsync(api);
        var ids = new ConcurrentBag<string>();
        await Parallel.ForEachAsync(Enumerable.Range(0, tasks), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (_, _) =>
        {
            var id = (await api.PostAsync("console", "/api/filings", LoadDriver.NewOrder())).Body!["id"]!.GetValue<string>();
            foreach (var kind in new[] { "business-license", "id-card-front", "id-card-back", "verification-form" })
            {
                await api.UploadAsync($"/api/filings/{id}/materials", kind, LoadDriver.Photo(1), kind == "verification-form" ? 0 : null);
            }

            await api.PostAsync("console", $"/api/filings/{id}/submit", new JsonObject());
            ids.Add(id);
        });
        var taskIds = new List<string>();
        foreach (var id in ids)
        {
            taskIds.Add((await api.GetAsync(names[0], $"/api/tasks?scope=team&status=open&filingId={id}")).Body!.AsArray().Single()!["id"]!.GetValue<string>());
        }

        var claims = new ConcurrentBag<(string Task, string Reviewer)>();
        var completions = new ConcurrentBag<(string Task, string Reviewer)>();
        var refusals = new ConcurrentBag<(string Task, string Code, string? Holder)>();
        var unexpected = new ConcurrentBag<string>();
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(names.Select((name, n) => Task.Run(async () =>
        {
            foreach (var task in taskIds.OrderBy(t => HashCode.Combine(t, n)))
            {
                foreach (var action in new[] { "claim", "complete" })
                {
                    var answer = await api.PostAsync(name, $"/api/tasks/{task}/{action}", new JsonObject { ["outcome"] = "approve" });
                    if (answer.Status == HttpStatusCode.OK)
                    {
                        (action == "claim" ? claims : completions).Add((task, name));
                    }
                    else if (answer.Status == HttpStatusCode.Conflict && answer.Body!["code"]!.GetValue<string>() is "task-held" or "task-closed")
                    {
                        refusals.Add((task, answer.Body["code"]!.GetValue<string>(), answer.Body["context"]?["holder"]?.GetValue<string>()));
                    }
                    else
                    {
                        unexpected.Add($"{name} {action} {task}: {(int)answer.Status} {answer.Body?.ToJsonString()}");
                    }
                }
            }
        })));
        var elapsed = watch.Elapsed;

        var winners = claims.ToDictionary(c => c.Task, c => c.Reviewer);
        var claimedOnce = claims.Count == taskIds.Count && winners.Count == taskIds.Count;
        var completedByWinner = completions.Count == taskIds.Count && completions.All(c => winners.GetValueOrDefault(c.Task) == c.Reviewer);
        var heldNamesWinner = refusals.Where(r => r.Code == "task-held").All(r => winners.GetValueOrDefault(r.Task) == r.Holder);
        await using var connection = new NpgsqlConnection(connectionString);
        var doneTwice = await connection.ExecuteScalarAsync<long>(
            "select count(*) from (select 1 from review_tasks where id = any(@ids) and status = 'done' group by order_id having count(*) <> 1) d",
            new { ids = taskIds.Select(Guid.Parse).ToArray() });
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"RACE {reviewers} reviewers x {tasks} tasks: {claims.Count + completions.Count + refusals.Count + unexpected.Count} calls in {elapsed.TotalSeconds:F1} s; "
            + $"{claims.Count} claims won, {completions.Count} completions, {refusals.Count(r => r.Code == "task-held")} answered 409 task-held (holder named: {heldNamesWinner}), "
            + $"{refusals.Count(r => r.Code == "task-closed")} answered 409 task-closed, {unexpected.Count} unexpected; tasks done other than once: {doneTwice}"));
        foreach (var problem in unexpected.Take(10))
        {
            Console.WriteLine("UNEXPECTED " + problem);
        }

        return claimedOnce && completedByWinner && heldNamesWinner && unexpected.IsEmpty && doneTwice == 0 ? 0 : 1;
    }

    /// <summary>Reviewers in the initial-review team, each with a bearer token stored as the sign-in endpoint stores it.</summary>
    private async Task<string[]> NewReviewersAsync(ApiClient api)
    {
        var names = Enumerable.Range(0, reviewers).Select(i => $"race-{i}-{Guid.NewGuid().ToString("N")[..6]}").ToArray();
        await using var connection = new NpgsqlConnection(connectionString);
        foreach (var name in names)
        {
            var token = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
            await connection.ExecuteAsync(
                """
                with added as (insert into users (username, display_name, password_hash, roles) values (@name, @name, '!', '{reviewer}') returning id),
                     member as (insert into team_members (team_id, user_id, is_lead) select 'initial-review', id, false from added)
                insert into api_tokens (token_hash, user_id, created_at, expires_at) select @hash, id, now(), now() + interval '1 day' from added
                """,
                new { name, hash = SHA256.HashData(Encoding.UTF8.GetBytes(token)) });
            api.UseToken(name, token);
        }

        return names;
    }
}
