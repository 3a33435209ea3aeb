using System.Text.Json.Nodes;
using Backoffice.Web.Tests.Support;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Backoffice.Web.Tests.Browser;

/// <summary>
/// The graphs a compliance manager reads in the designer: connections routed around the steps, and two
/// versions side by side with their changes highlighted.
/// </summary>
[Collection(ClockCollection.Name)]
public sealed partial class DesignerGraphTests
{
    private const string Id = "change-website";
    private readonly TestApp _app = TestApp.Instance;

    /// <summary>
    /// Every point along every drawn connection (in screen pixels) tested against every step's box: the
    /// connections that run over a step, as "connection over step".
    /// </summary>
    private const string EdgesOverSteps = """
        (root) => {
          const boxes = [...root.querySelectorAll('.react-flow__node-activity')].map((n) => ({ id: n.dataset.id, r: n.getBoundingClientRect() }));
          const found = new Set();
          for (const edge of root.querySelectorAll('.react-flow__edge')) {
            const path = edge.querySelector('.react-flow__edge-path');
            const m = path.getScreenCTM();
            const length = path.getTotalLength();
            for (let d = 6; d <= length - 6; d += 3) {
              const p = path.getPointAtLength(d);
              const x = m.a * p.x + m.c * p.y + m.e;
              const y = m.b * p.x + m.d * p.y + m.f;
              for (const b of boxes) {
                if (x > b.r.left + 2 && x < b.r.right - 2 && y > b.r.top + 2 && y < b.r.bottom - 2) found.add(`${edge.dataset.id} over ${b.id}`);
              }
            }
          }
          return [...found];
        }
        """;

    [Fact]
    public async Task First_filing_graph_at_first_view_draws_every_connection_around_the_steps_never_over_one()
    {
        await using var session = await Browser.SignedInAsync("compliance");
        var page = session.Page;
        await page.GotoAsync("/designer?id=new-filing");
        var canvas = page.Locator(".canvas");
        await Assertions.Expect(canvas.Locator(".react-flow__node[data-id=\"initial-review\"]")).ToBeVisibleAsync();
        var connections = (await (await Definitions.ForAsync(_app, "new-filing")).PublishedAsync())["connections"]!.AsArray().Count;
        await Assertions.Expect(canvas.Locator(".react-flow__edge")).ToHaveCountAsync(connections);

        var crossings = await SettledCrossingsAsync(canvas);
        await page.ScreenshotAsync("designer-first-view-routed");

        Assert.True(connections > 30, $"the first-filing graph has {connections} connections");
        Assert.Empty(crossings);
        var labels = await canvas.Locator(".react-flow__edge-text").AllTextContentsAsync();
        Assert.Contains("已重新提交", labels);
    }

    /// <summary>
    /// The steps and connections in view on the canvas that the minimap, the zoom buttons or the fold button
    /// lie over, as "step under control" and "connection under control" (a connection by points along its path).
    /// </summary>
    private const string GraphUnderControls = """
        () => {
          const canvas = document.querySelector('.canvas').getBoundingClientRect();
          const overlaps = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
          const controls = [...document.querySelectorAll('.react-flow__minimap, .react-flow__controls, [data-testid=band-toggle]')]
            .map((c) => ({ name: c.getAttribute('class') ?? c.dataset.testid, r: c.getBoundingClientRect() }));
          const found = new Set();
          for (const n of document.querySelectorAll('.canvas .react-flow__node-activity')) {
            const r = n.getBoundingClientRect();
            if (overlaps(r, canvas)) controls.filter((c) => overlaps(r, c.r)).forEach((c) => found.add(`${n.dataset.id} under ${c.name}`));
          }
          for (const edge of document.querySelectorAll('.canvas .react-flow__edge')) {
            const path = edge.querySelector('.react-flow__edge-path');
            const m = path.getScreenCTM();
            for (let d = 0; d <= path.getTotalLength(); d += 4) {
              const p = path.getPointAtLength(d);
              const x = m.a * p.x + m.c * p.y + m.e;
              const y = m.b * p.x + m.d * p.y + m.f;
              const point = { left: x, right: x + 1, top: y, bottom: y + 1 };
              if (overlaps(point, canvas)) controls.filter((c) => overlaps(point, c.r)).forEach((c) => found.add(`${edge.dataset.id} under ${c.name}`));
            }
          }
          return [...found];
        }
        """;

    [Theory]
    [InlineData("new-filing", 1400, 900)]
    [InlineData("new-filing", 1280, 800)]
    [InlineData(Id, 1400, 900)]
    [InlineData(Id, 1280, 800)]
    public async Task First_view_leaves_every_step_and_connection_in_view_uncovered_by_the_minimap_and_the_canvas_controls(string definition, int width, int height)
    {
        await using var session = await Browser.SignedInAsync("compliance");
        var page = session.Page;
        await page.SetViewportSizeAsync(width, height);
        await page.GotoAsync($"/designer?id={definition}");
        await Assertions.Expect(page.Locator(".canvas .react-flow__node[data-id=\"review\"], .canvas .react-flow__node[data-id=\"initial-review\"]")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("overview").Locator(".react-flow__minimap-node").First).ToBeAttachedAsync();
        await page.WaitForTimeoutAsync(300);

        await Assertions.Expect(page.Locator(".canvas .react-flow__edge").First).ToBeAttachedAsync();
        var covered = await page.EvaluateAsync<string[]>(GraphUnderControls);
        await page.ScreenshotAsync($"designer-first-view-{definition}-{width}");

        Assert.Empty(covered);
        var stepsInView = await page.EvaluateAsync<int>(
            "() => [...document.querySelectorAll('.canvas .react-flow__node-activity')].filter((n) => n.getBoundingClientRect().right > 0).length");
        Assert.True(stepsInView >= 3, $"{stepsInView} steps on the canvas");
    }

    [Fact]
    public async Task Version_diff_shows_both_graphs_side_by_side_with_added_removed_and_changed_steps_and_a_change_focuses_its_step()
    {
        var definitions = await Definitions.ForAsync(_app, Id);
        var original = await definitions.PublishedAsync();
        var published = await definitions.PublishedVersionAsync();
        var approved = original["connections"]!.AsArray()
            .First(c => c!["source"]!.GetValue<string>() == "review" && c["outcome"]!.GetValue<string>() == "approve")!["target"]!.GetValue<string>();
        var draft = Changed(original);
        var saved = await definitions.SaveDraftAsync(draft);
        var version = saved["version"]!.GetValue<int>();
        await using var session = await Browser.SignedInAsync("compliance");
        var page = session.Page;
        try
        {
            await page.GotoAsync($"/designer?id={Id}");
            await page.GetByRole(AriaRole.Button, new() { Name = "版本历史" }).ClickAsync();
            await page.GetByLabel($"pick-{published}").CheckAsync();
            await page.GetByLabel($"pick-{version}").CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "比较所选两个版本" }).ClickAsync();

            var before = page.GetByTestId("diff-graph-old");
            var after = page.GetByTestId("diff-graph-new");
            var changes = page.GetByTestId("diff-changes");
            await Assertions.Expect(before).ToContainTextAsync($"旧版本 v{published}");
            await Assertions.Expect(after).ToContainTextAsync($"新版本 v{version}");
            await Assertions.Expect(changes).ToContainTextAsync("接入商审核 · 时限 1 工作日 → 3 工作日");
            await Assertions.Expect(changes).ToContainTextAsync("删除步骤 「启动后续跟进」");
            await Assertions.Expect(changes).ToContainTextAsync("新增步骤 「法务复核」");

            await Assertions.Expect(Step(before, "start-follow-up").Locator(".diff-removed")).ToBeVisibleAsync();
            await Assertions.Expect(Step(after, "start-follow-up")).ToHaveCountAsync(0);
            await Assertions.Expect(Step(after, "legal-review").Locator(".diff-added")).ToBeVisibleAsync();
            await Assertions.Expect(Step(before, "legal-review")).ToHaveCountAsync(0);
            await Assertions.Expect(Step(before, "review").Locator(".diff-changed")).ToBeVisibleAsync();
            await Assertions.Expect(Step(after, "review").Locator(".diff-changed")).ToBeVisibleAsync();
            await Assertions.Expect(Step(after, "submit").Locator(".activity")).Not.ToHaveClassAsync(AnyDiffMark());
            await Assertions.Expect(before.Locator($".react-flow__edge[data-id=\"review|approve|{approved}\"]")).ToHaveClassAsync(EdgeRemoved());
            await Assertions.Expect(after.Locator(".react-flow__edge[data-id=\"review|approve|legal-review\"]")).ToHaveClassAsync(EdgeAdded());

            // A step keeps its place on both sides, drawn large enough to read.
            var left = (await Step(before, "review").BoundingBoxAsync())!;
            var right = (await Step(after, "review").BoundingBoxAsync())!;
            var leftPane = (await before.BoundingBoxAsync())!;
            var rightPane = (await after.BoundingBoxAsync())!;
            Assert.True(rightPane.X >= leftPane.X + leftPane.Width - 2, "the new version is drawn right of the old one");
            Assert.Equal(left.X - leftPane.X, right.X - rightPane.X, 1.0);
            Assert.Equal(left.Y, right.Y, 1.0);
            Assert.True(left.Width >= 170, $"a step is drawn {left.Width:F0} px wide, too small to read");
            Assert.Empty(await SettledCrossingsAsync(after));
            await page.ScreenshotAsync("designer-diff-side-by-side");
            await page.AssertAccessibleAsync();

            await changes.GetByRole(AriaRole.Button, new() { Name = "删除步骤 「启动后续跟进」" }).ClickAsync();
            await Assertions.Expect(Step(before, "start-follow-up").Locator(".activity.focused")).ToBeVisibleAsync();
            await Assertions.Expect(changes.Locator("li.focused", new() { HasText = "删除步骤 「启动后续跟进」" })).ToBeVisibleAsync();
            await page.WaitForTimeoutAsync(500);
            var focused = (await Step(before, "start-follow-up").BoundingBoxAsync())!;
            Assert.True(focused.X >= leftPane.X && focused.X + focused.Width <= leftPane.X + leftPane.Width, "the focused step is shown on the old graph");
            await page.ScreenshotAsync("designer-diff-focused");
        }
        finally
        {
            await definitions.DeleteAsync("draft");
        }
    }

    /// <summary>The published definition with a step added after the review, the follow-up step removed and the review's time limit changed.</summary>
    private static JsonObject Changed(JsonObject published)
    {
        var draft = Definitions.WithStepAfter(published, "review", "approve", Definitions.HumanTask("legal-review", "法务复核", "second-review", 2), "notify-returned");
        var activities = draft["activities"]!.AsArray();
        activities.Remove(activities.First(a => a!["id"]!.GetValue<string>() == "start-follow-up"));
        activities.First(a => a!["id"]!.GetValue<string>() == "review")!["properties"]!["sla"] = new JsonObject { ["amount"] = 3, ["unit"] = "working-days" };
        var connections = draft["connections"]!.AsArray();
        connections.Remove(connections.First(c => c!["target"]!.GetValue<string>() == "start-follow-up"));
        connections.Remove(connections.First(c => c!["source"]!.GetValue<string>() == "start-follow-up"));
        connections.Add(Definitions.Link("notify-approved", "done", "end-approved"));
        return draft;
    }

    private static ILocator Step(ILocator graph, string id) => graph.Locator($".react-flow__node[data-id=\"{id}\"]");

    /// <summary>The connections over a step once the routes are drawn (they are routed when the steps have been measured).</summary>
    private static async Task<string[]> SettledCrossingsAsync(ILocator graph)
    {
        var crossings = await graph.EvaluateAsync<string[]>(EdgesOverSteps);
        for (var attempt = 0; attempt < 20 && crossings.Length > 0; attempt++)
        {
            await graph.Page.WaitForTimeoutAsync(250);
            crossings = await graph.EvaluateAsync<string[]>(EdgesOverSteps);
        }

        return crossings;
    }

    [GeneratedRegex("diff-")]
    private static partial Regex AnyDiffMark();

    [GeneratedRegex("edge-added")]
    private static partial Regex EdgeAdded();

    [GeneratedRegex("edge-removed")]
    private static partial Regex EdgeRemoved();
}
