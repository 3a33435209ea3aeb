using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Backoffice.Web.Tests.Support;

/// <summary>Reads and publishes workflow definitions through the compliance API.</summary>
public static class Definitions
{
    public static async Task<JsonObject> PublishedAsync(HttpClient compliance, string id)
    {
        var list = await compliance.GetAsync("/api/workflow-definitions").ExpectAsync(HttpStatusCode.OK);
        var published = list.AsArray().First(d => d!["id"]!.GetValue<string>() == id)!["publishedVersion"]!.GetValue<int>();
        return (await compliance.GetAsync($"/api/workflow-definitions/{id}/versions/{published}").ExpectAsync(HttpStatusCode.OK)).AsObject();
    }

    public static async Task PublishAsync(HttpClient compliance, string id, JsonObject definition)
    {
        await compliance.PutAsync($"/api/workflow-definitions/{id}/draft",
            new StringContent(definition.ToJsonString(), Encoding.UTF8, "application/json")).ExpectAsync(HttpStatusCode.OK);
        await compliance.PostEmptyAsync($"/api/workflow-definitions/{id}/publish").ExpectAsync(HttpStatusCode.OK);
    }
}
