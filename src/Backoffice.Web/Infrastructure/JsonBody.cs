using System.Text.Json;
using Backoffice.Workflows;
using Microsoft.Extensions.Options;

namespace Backoffice.Web.Infrastructure;

/// <summary>
/// Reads a JSON body with a size limit: over the limit is a 413 problem, malformed JSON or a wrong
/// type is a 400 problem naming the path, never an exception.
/// </summary>
public static class JsonBody
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { MaxDepth = 32 };

    public static async Task<(T? Value, IResult? Problem)> ReadAsync<T>(HttpContext context) where T : class
    {
        var limit = context.RequestServices.GetRequiredService<IOptions<BackofficeOptions>>().Value.MaxJsonBytes;
        var english = context.IsEnglish();
        if (context.Request.ContentLength > limit)
        {
            return (null, TooLarge(limit, english));
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return (null, TooLarge(limit, english));
            }

            buffer.Write(chunk, 0, read);
        }

        try
        {
            var value = JsonSerializer.Deserialize<T>(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), Options);
            return value is null ? (null, Malformed(context, "null")) : (value, null);
        }
        catch (JsonException ex)
        {
            return (null, Malformed(context, ex.Path is { Length: > 0 } ? $"{ex.Path} (line {ex.LineNumber + 1})" : "body"));
        }
    }

    private static IResult Malformed(HttpContext context, string where) =>
        Problems.Field(context, "body", "malformed-json", where);

    private static IResult TooLarge(int limit, bool english) =>
        Results.Problem(
            statusCode: StatusCodes.Status413PayloadTooLarge,
            title: english ? $"The request body is larger than {limit} bytes." : $"请求体超过 {limit} 字节上限。");
}
