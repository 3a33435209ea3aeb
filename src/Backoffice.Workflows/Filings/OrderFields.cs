using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Backoffice.Workflows.Filings;

/// <summary>
/// An order's data as paths and texts (<c>subject.name</c>, <c>websites[0].domains</c>): what a return may point at,
/// and what a resubmission is compared by. A list of plain values is one field; materials are
/// <c>materials.{kind}</c>, or <c>websites[i].materials.{kind}</c> for a website's.
/// </summary>
public static class OrderFields
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { MaxDepth = 32 };

    /// <summary>Leaf paths of the order's body and their text, in the body's order.</summary>
    public static IReadOnlyDictionary<string, string> Of(string bodyJson) => Flatten(JsonNode.Parse(bodyJson));

    /// <summary>The same, personal data masked as the pages show it.</summary>
    public static IReadOnlyDictionary<string, string> MaskedOf(string bodyJson) =>
        Flatten(JsonSerializer.SerializeToNode(
            JsonSerializer.Deserialize<FilingOrderRequest>(bodyJson, Json)!.Masked(), Json));

    public static string MaterialPath(string kind, int? websiteIndex) =>
        websiteIndex is null ? $"materials.{kind}" : $"websites[{websiteIndex.Value.ToString(CultureInfo.InvariantCulture)}].materials.{kind}";

    private static Dictionary<string, string> Flatten(JsonNode? root)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        Walk(root, "", fields);
        return fields;
    }

    private static void Walk(JsonNode? node, string path, Dictionary<string, string> fields)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj)
                {
                    Walk(child, path.Length == 0 ? name : $"{path}.{name}", fields);
                }

                break;
            case JsonArray array when array.All(item => item is JsonValue or null):
                fields[path] = string.Join(", ", array.Select(item => item?.ToString() ?? ""));
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    Walk(array[i], $"{path}[{i.ToString(CultureInfo.InvariantCulture)}]", fields);
                }

                break;
            case JsonValue value:
                fields[path] = value.ToString();
                break;
        }
    }
}
