using System.Net;
using System.Text.Json.Nodes;

namespace Backoffice.Web.Tests.Support;

/// <summary>
/// Hostile order bodies from a seed: a valid order with one or more values replaced (wrong types,
/// huge, control and NUL characters, mixed scripts, markup, SQL), fields removed or deeply nested,
/// truncated or byte-flipped text, or random JSON.
/// </summary>
public static class OrderFuzz
{
    public static readonly string[] HostileStrings =
    [
        "", " ", "\0", "a\0b", "\u0001\u0002\u001f\u007f", "\t\r\n", "\u202e\u200b\ufeff", "\ud800", "\udfff\ud800",
        "Жñ中文ﷺ𝔘🙂한국어ไทย", "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "=1+1", "@SUM(A1)",
        "'; drop table filing_orders; --", "' or '1'='1", "%s%n%x", "../../../etc/passwd", "${jndi:ldap://127.0.0.1/a}",
        new string('长', 5000), new string('x', 200_000), "-1", "1e309", "NaN",
    ];

    public static string Body(Random random) => random.Next(10) switch
    {
        0 => RandomJson(random, 0)?.ToJsonString() ?? "null",
        1 => Truncated(random),
        2 => Nested(random.Next(20, 200)),
        3 => Flipped(random),
        _ => Mutated(random),
    };

    /// <summary>Null when the answer is acceptable: any 2xx, 400, 404, 409 or 413 with a problem body; otherwise what is wrong.</summary>
    public static async Task<string?> Unexpected(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        if (response.IsSuccessStatusCode)
        {
            return null;
        }

        var text = await response.Content.ReadAsStringAsync();
        if (status is not (400 or 404 or 409 or 413))
        {
            return $"{status} {Preview(text)}";
        }

        return response.StatusCode == HttpStatusCode.BadRequest && !text.Contains("\"errors\"", StringComparison.Ordinal)
            ? $"400 without field errors: {Preview(text)}"
            : null;
    }

    public static string Preview(string text) => text.Length > 300 ? text[..300] + "…" : text;

    private static string Mutated(Random random)
    {
        var order = random.Next(2) == 0 ? Orders.Enterprise() : Orders.Individual();
        for (var i = random.Next(1, 4); i > 0; i--)
        {
            var leaves = Leaves(order).ToList();
            var (parent, key) = leaves[random.Next(leaves.Count)];
            var replacement = random.Next(6) switch
            {
                0 => null,
                1 => RandomJson(random, 3),
                2 => (JsonNode)random.Next(),
                3 => Wrap(JsonValue.Create(HostileStrings[random.Next(HostileStrings.Length)]), random.Next(0, 3)),
                4 => new JsonArray(),
                _ => JsonValue.Create(HostileStrings[random.Next(HostileStrings.Length)]),
            };
            if (random.Next(8) == 0 && parent is JsonObject removable)
            {
                removable.Remove((string)key);
            }
            else if (parent is JsonObject obj)
            {
                obj[(string)key] = replacement;
            }
            else
            {
                ((JsonArray)parent)[(int)key] = replacement;
            }
        }

        return order.ToJsonString();
    }

    /// <summary>The JSON paths of every string value of a body, e.g. $.subject.principal.mobile or $.websites[0].domains[0].</summary>
    public static IEnumerable<string> StringPaths(JsonNode body) =>
        Leaves(body).Select(Value).Where(v => v is JsonValue value && value.GetValueKind() == System.Text.Json.JsonValueKind.String).Select(v => v!.GetPath());

    /// <summary>The body as JSON text with the string at <paramref name="path"/> replaced.</summary>
    public static string WithString(JsonNode body, string path, string text)
    {
        var (parent, key) = Leaves(body).Single(l => Value(l)?.GetPath() == path);
        if (parent is JsonObject obj) obj[(string)key] = text;
        else ((JsonArray)parent)[(int)key] = text;
        return body.ToJsonString();
    }

    private static JsonNode? Value((JsonNode Parent, object Key) leaf) =>
        leaf.Parent is JsonObject obj ? obj[(string)leaf.Key] : ((JsonArray)leaf.Parent)[(int)leaf.Key];

    private static IEnumerable<(JsonNode Parent, object Key)> Leaves(JsonNode node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj.ToList())
                {
                    yield return (obj, key);
                    if (value is not null)
                    {
                        foreach (var leaf in Leaves(value)) yield return leaf;
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    yield return (array, i);
                    if (array[i] is { } value)
                    {
                        foreach (var leaf in Leaves(value)) yield return leaf;
                    }
                }

                break;
        }
    }

    private static JsonNode? Wrap(JsonNode? node, int depth) => depth == 0 ? node : new JsonArray(Wrap(node, depth - 1));

    private static JsonNode? RandomJson(Random random, int depth) => random.Next(depth > 3 ? 4 : 7) switch
    {
        0 => null,
        1 => random.NextDouble() * 1e12 - 5e11,
        2 => random.Next(2) == 0,
        3 => HostileStrings[random.Next(HostileStrings.Length)],
        4 => new JsonArray([.. Enumerable.Range(0, random.Next(4)).Select(_ => RandomJson(random, depth + 1))]),
        _ => new JsonObject(Enumerable.Range(0, random.Next(5)).Select(_ => new KeyValuePair<string, JsonNode?>(
            random.Next(3) == 0 ? "subject" : random.Next(2) == 0 ? "websites" : $"k{random.Next(1000)}", RandomJson(random, depth + 1)))
            .DistinctBy(p => p.Key)),
    };

    private static string Truncated(Random random)
    {
        var text = Orders.Enterprise().ToJsonString();
        return text[..random.Next(text.Length)];
    }

    private static string Nested(int depth) =>
        "{\"subject\":" + new string('[', depth) + "1" + new string(']', depth) + "}";

    private static string Flipped(Random random)
    {
        var chars = Orders.Individual().ToJsonString().ToCharArray();
        const string replacements = "\0\"{}[],:\\\u0001x9";
        for (var i = random.Next(1, 6); i > 0; i--)
        {
            chars[random.Next(chars.Length)] = replacements[random.Next(replacements.Length)];
        }

        return new string(chars);
    }
}
