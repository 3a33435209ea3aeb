using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace Backoffice.Web.Tests.Support;

/// <summary>Puts subjects and websites into the simulated national registry through the test-mode API.</summary>
public static class Registry
{
    public const string Here = "backoffice";

    public static string NewSubjectNumber(string shortName = "粤") =>
        string.Create(CultureInfo.InvariantCulture, $"{shortName}ICP备{RandomNumberGenerator.GetInt32(10_000_000, 99_999_999)}号");

    public static async Task InsertAsync(TestApp app, JsonObject subject, params (string Domain, string Provider)[] websites)
    {
        var number = subject["subjectFilingNumber"]!.GetValue<string>();
        var rows = new JsonArray();
        for (var i = 0; i < websites.Length; i++)
        {
            rows.Add(new JsonObject
            {
                ["subjectFilingNumber"] = number,
                ["domain"] = websites[i].Domain,
                ["websiteFilingNumber"] = $"{number}-{i + 1}",
                ["provider"] = websites[i].Provider,
            });
        }

        var body = new JsonObject { ["subjects"] = new JsonArray(subject), ["websites"] = rows };
        await app.Console().PostJsonAsync("/api/bureau-simulator/registry", body).ExpectAsync(HttpStatusCode.OK);
    }

    /// <summary>The registry subject matching an order body built by <see cref="Orders"/>.</summary>
    public static JsonObject SubjectOf(JsonObject order, string provider, string? number = null)
    {
        var subject = order["subject"]!;
        return new JsonObject
        {
            ["certificateType"] = subject["certificateType"]!.GetValue<string>(),
            ["certificateNumber"] = subject["certificateNumber"]!.GetValue<string>(),
            ["name"] = subject["name"]!.GetValue<string>(),
            ["nature"] = subject["nature"]!.GetValue<string>(),
            ["province"] = subject["province"]!.GetValue<string>(),
            ["subjectFilingNumber"] = number ?? NewSubjectNumber(),
            ["provider"] = provider,
        };
    }
}
