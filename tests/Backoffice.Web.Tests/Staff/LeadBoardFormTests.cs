using System.Net;
using Backoffice.Web.Tests.Support;

namespace Backoffice.Web.Tests.Staff;

/// <summary>The lead board without its script: reassigning is a plain form post answered with the whole page.</summary>
public sealed class LeadBoardFormTests
{
    private readonly TestApp _app = TestApp.Instance;

    [Fact]
    public async Task Reassign_form_posted_without_script_answers_the_updated_board_page()
    {
        var member = await StaffPages.NewAccountAsync(["reviewer"], "initial-review");
        var flow = await Flow.SubmittedAsync(_app);
        var taskId = (await flow.OpenTaskAsync())["id"]!.GetValue<string>();
        var pages = await StaffPages.SignedInAsync(_app, "lead");
        var board = await pages.GetStringAsync("/board?holder=-");

        var response = await pages.PostAsync("/board?handler=reassign&holder=-", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["ids"] = taskId, ["assignee"] = member, ["__RequestVerificationToken"] = StaffPages.AntiForgeryToken(board),
        }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("<html", page, StringComparison.Ordinal);
        Assert.Contains($"已改派 1 个任务给 {member}", page, StringComparison.Ordinal);
        Assert.DoesNotContain($"value=\"{taskId}\"", page, StringComparison.Ordinal);
        Assert.Equal(member, (await flow.OpenTaskAsync())["assignee"]!.GetValue<string>());
    }
}
