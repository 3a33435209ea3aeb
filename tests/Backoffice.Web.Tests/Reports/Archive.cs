using System.Net;
using System.Text.Json.Nodes;
using Backoffice.Web.Tests.Support;

namespace Backoffice.Web.Tests.Reports;

/// <summary>Follows a build in the archive through the API until Hangfire has finished it (bounded).</summary>
public static class Archive
{
    public static async Task<JsonNode> FinishedAsync(HttpClient client, string buildId)
    {
        for (var attempt = 0; ; attempt++)
        {
            var build = await client.GetAsync($"/api/reports/builds/{buildId}").ExpectAsync(HttpStatusCode.OK);
            var status = build["status"]!.GetValue<string>();
            if (status is "done" or "failed" || attempt == 300)
            {
                return build;
            }

            await Task.Delay(100);
        }
    }
}
