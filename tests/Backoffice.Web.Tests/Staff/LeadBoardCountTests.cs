using System.Net;
using System.Security.Cryptography;
using Backoffice.Web.Tests.Support;
using Dapper;

namespace Backoffice.Web.Tests.Staff;

/// <summary>
/// The lead board counts each team figure up to 1,000 and each reviewer's load up to 200 (the tasks it lists), and
/// shows a count that stopped there as "1,000+" or "200+"; below the caps every figure is exact.
/// </summary>
public sealed class LeadBoardCountTests
{
    private readonly TestApp _app = TestApp.Instance;

    [Fact]
    public async Task A_queue_over_a_thousand_shows_1000_plus_and_a_reviewer_holding_over_200_shows_200_plus()
    {
        var hex = Convert.ToHexString(RandomNumberGenerator.GetBytes(4));
        var team = "board-" + hex.ToLowerInvariant();
        var teamName = "满载组" + hex;
        await using (var db = await TestApp.OpenDatabaseAsync())
        {
            await db.ExecuteAsync("insert into teams (id, name) values (@team, @teamName)", new { team, teamName });
        }

        var lead = await StaffPages.NewAccountAsync(["team-lead", "reviewer"], team);
        var busy = await StaffPages.NewAccountAsync(["reviewer"], team);
        var light = await StaffPages.NewAccountAsync(["reviewer"], team);
        await using (var db = await TestApp.OpenDatabaseAsync())
        {
            await db.ExecuteAsync(
                """
                insert into filing_orders (id, order_number, filing_type, status, province, subject_nature, subject_name,
                    subject_certificate_type, subject_certificate_number, body, created_by, created_at, updated_at)
                values (md5(@team)::uuid, @team, 'new-filing', 'initial-review', '650000', 'enterprise', @team, 'uscc', @team, '{}', 'console', now(), now());
                insert into workflow_instances (id, definition_id, version, order_id, status, created_at, updated_at)
                values (md5(@team)::uuid, 'new-filing', 1, md5(@team)::uuid, 'running', now(), now());
                insert into review_tasks (id, instance_id, bookmark_id, order_id, activity_id, step, team, outcomes, assignee, status, created_at, due_at)
                select gen_random_uuid(), md5(@team)::uuid, gen_random_uuid(), md5(@team)::uuid, 'initial-review', '初审', @team, '{approve,return}',
                       case when i <= 201 then @busy when i <= 204 then @light end, 'open', now(),
                       case when i <= 2 then timestamptz '2000-01-01' else timestamptz '2100-01-01' end
                from generate_series(1, 1001) i;
                """, new { team, busy, light });
        }

        var board = WebUtility.HtmlDecode(await (await StaffPages.SignedInAsync(_app, lead)).GetStringAsync("/board"));

        Assert.Contains(
            $"{teamName}</td><td>1,000+</td><td><a href=\"/board?holder=-\">797</a></td><td><a href=\"/board?breached=true\" class=\"error\">2</a></td><td>0</td>",
            board, StringComparison.Ordinal);
        Assert.Matches($"data-testid=\"member-{busy}\"><td>[^<]*<a [^>]*>{busy}</a></td><td data-testid=\"member-open\">200\\+</td><td>2</td>", board);
        Assert.Matches($"data-testid=\"member-{light}\"><td>[^<]*<a [^>]*>{light}</a></td><td data-testid=\"member-open\">3</td><td>0</td>", board);
        Assert.True(board.IndexOf($"member-{busy}", StringComparison.Ordinal) < board.IndexOf($"member-{light}", StringComparison.Ordinal), "the busiest reviewer comes first");
        Assert.Equal(200, board.Split("data-testid=\"board-task\"").Length - 1);
    }
}
