using System.Text.Json.Nodes;
using Backoffice.Workflows.Definitions;

namespace Backoffice.Workflows.Tests.Definitions;

public sealed class DefinitionDiffTests
{
    [Fact]
    public void Moving_an_activity_on_the_canvas_is_no_change_but_a_new_start_and_renamed_step_are()
    {
        var before = DefinitionJson.Defaults().First(d => d.Id == "cancel-access");
        var after = before with
        {
            Start = "submit",
            Activities = [.. before.Activities.Select(a => a.Id switch
            {
                "review" => a with { Position = new CanvasPosition(10, 20) },
                "submit" => a with { Name = "报送管局" },
                _ => a,
            })],
        };

        var diff = DefinitionDiff.Between(before, after);

        Assert.True(diff.StartChanged);
        Assert.Equal([new ActivityChange("submit", ["name"])], diff.ChangedActivities, (a, b) => a.Id == b.Id && a.Fields.SequenceEqual(b.Fields));
        Assert.Empty(diff.AddedActivities);
        Assert.Empty(diff.AddedConnections);
        Assert.Empty(diff.RemovedConnections);
    }
}
