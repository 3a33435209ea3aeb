using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Backoffice.Web.Tests.Reports;
using Backoffice.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace Backoffice.Web.Tests.Operations;

/// <summary>One trace follows a request into its engine step and the step's database commands, or into the Hangfire job it queued.</summary>
public sealed class TraceTests
{
    [Fact]
    public async Task A_submit_is_one_trace_of_the_request_its_engine_step_and_its_database_commands()
    {
        var exported = new List<Activity>();
        using var node = new TestApp(testMode: true, services: s => s.ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(exported)));
        var flow = await Flow.CreateAsync(node, Orders.Enterprise());
        await flow.UploadAsync(("business-license", null), ("id-card-front", null), ("id-card-back", null), ("verification-form", 0));
        var orderNumber = (await flow.GetAsync())["orderNumber"]!.GetValue<string>();

        await flow.SubmitAsync();

        var path = $"/api/filings/{flow.Id}/submit";
        Activity[] spans = [];
        Activity? request = null;
        for (var i = 0; i < 50 && request is null; i++)
        {
            await Task.Delay(100);
            lock (exported)
            {
                spans = [.. exported];
            }

            request = spans.FirstOrDefault(a => a.Kind == ActivityKind.Server && (a.GetTagItem("url.path") as string) == path);
        }

        Assert.NotNull(request);
        var step = Assert.Single(spans, a => a.Source.Name == "Backoffice.Engine" && a.TraceId == request.TraceId);
        Assert.Equal(request.SpanId, step.ParentSpanId);
        Assert.Contains(orderNumber, step.GetTagItem("backoffice.order.number") as string, StringComparison.Ordinal);
        Assert.Contains(spans, a => a.Source.Name == "Npgsql" && a.TraceId == request.TraceId && a.ParentSpanId == step.SpanId);
        Assert.Equal(HttpStatusCode.Accepted, (HttpStatusCode)(int)request.GetTagItem("http.response.status_code")!);
    }

    [Fact]
    public async Task A_report_build_s_job_runs_in_the_trace_of_the_request_that_queued_it_with_its_database_commands()
    {
        var exported = new List<Activity>();
        using var node = new TestApp(testMode: true, services: s => s.ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(exported)));
        var management = await node.SignedInAs("management");
        var requested = await management.PostJsonAsync("/api/reports/builds", new JsonObject
        {
            ["kind"] = "sla", ["from"] = "2023-01-01", ["to"] = "2023-01-31", ["province"] = "640000",
        }).ExpectAsync(HttpStatusCode.Created);
        await Archive.FinishedAsync(management, requested["id"]!.GetValue<string>());

        Activity? request = null;
        Activity? job = null;
        Activity[] spans = [];
        for (var i = 0; i < 50 && (request is null || job is null); i++)
        {
            await Task.Delay(100);
            lock (exported)
            {
                spans = [.. exported];
            }

            request = spans.FirstOrDefault(a => a.Kind == ActivityKind.Server && (a.GetTagItem("url.path") as string) == "/api/reports/builds"
                && a.GetTagItem("http.request.method") as string == "POST");
            job = spans.FirstOrDefault(a => a.Source.Name == "Backoffice.Jobs" && a.TraceId == request?.TraceId);
        }

        Assert.NotNull(request);
        Assert.NotNull(job);
        Assert.Equal("job ReportBuildJob.RunAsync", job.DisplayName);
        Assert.Equal(ActivityStatusCode.Unset, job.Status);
        Assert.Contains(spans, a => a.Source.Name == "Npgsql" && a.ParentSpanId == job.SpanId);
    }
}
