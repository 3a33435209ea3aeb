using System.Text.Json.Nodes;
using Backoffice.Web.Features.Console;
using Backoffice.Workflows;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace Backoffice.Web.Infrastructure;

/// <summary>
/// The OpenAPI document at /openapi/v1.json as a client generator needs it: the bearer scheme on every operation
/// but the anonymous ones, the words of each (<see cref="OpenApiOperations"/>), the problem shapes the API sends (<c>errors</c>, <c>errorCodes</c>,
/// <c>code</c>), the code sets as enums (<see cref="OpenApiEnums"/>), an example order, and the test-mode
/// endpoints only in test mode.
/// </summary>
public static class OpenApiDocument
{
    public const string Json = "application/json";
    private const string Bearer = "bearer";

    public static void Configure(OpenApiOptions options)
    {
        options.AddDocumentTransformer((document, context, _) =>
        {
            Describe(document, context.ApplicationServices.GetRequiredService<IOptions<BackofficeOptions>>().Value.TestMode);
            OpenApiOperations.Apply(document);
            OpenApiExamples.Apply(document);
            return Task.CompletedTask;
        });
        options.AddOperationTransformer((operation, context, _) =>
        {
            var metadata = context.Description.ActionDescriptor.EndpointMetadata;
            operation.Responses ??= new OpenApiResponses();
            if (!operation.Responses.Keys.Any(k => k.StartsWith('2')))
            {
                operation.Responses["200"] = new OpenApiResponse { Description = "OK" };
            }

            if (context.Description.HttpMethod is "POST" or "PUT" && !metadata.OfType<IAllowAnonymous>().Any())
            {
                operation.Parameters ??= [];
                operation.Parameters.Add(new OpenApiParameter
                {
                    Name = IdempotencyKeys.Header,
                    In = ParameterLocation.Header,
                    Description = "Retrying with the same key and body within 24 hours replays the first answer (Idempotent-Replayed: true).",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = 255 },
                });
            }

            if (metadata.OfType<IAllowAnonymous>().Any())
            {
                operation.Security = [];
            }

            return Task.CompletedTask;
        });
        options.AddSchemaTransformer((schema, context, _) =>
        {
            OpenApiEnums.Apply(schema, context);
            ProblemShapes(schema, context.JsonTypeInfo.Type, context.JsonPropertyInfo is null);
            return Task.CompletedTask;
        });
    }

    private static void Describe(Microsoft.OpenApi.OpenApiDocument document, bool testMode)
    {
        document.Info.Title = "Backoffice API";
        document.Info.Description = "The ICP filing back-office's API for the provider's console and staff tools (API.md).";
        foreach (var server in document.Servers ?? [])
        {
            server.Url = server.Url?.TrimEnd('/');
        }

        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[Bearer] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = Bearer,
            Description = "A token from POST /api/tokens (staff) or a console API key.",
        };
        document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Bearer, document)] = [] }];
        if (!testMode)
        {
            foreach (var path in document.Paths.Keys.Where(p => p.StartsWith("/api/test-clock", StringComparison.Ordinal)
                         || p.StartsWith("/api/bureau-simulator", StringComparison.Ordinal)
                         || p.StartsWith("/api/domain-registry-simulator", StringComparison.Ordinal)).ToList())
            {
                document.Paths.Remove(path);
            }
        }
    }

    private static void ProblemShapes(OpenApiSchema schema, Type type, bool whole)
    {
        if (!whole || !typeof(Microsoft.AspNetCore.Mvc.ProblemDetails).IsAssignableFrom(type))
        {
            return;
        }

        schema.Properties ??= new Dictionary<string, IOpenApiSchema>();
        schema.Properties["code"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "A stable code saying why (409, 422)." };
        if (typeof(Microsoft.AspNetCore.Http.HttpValidationProblemDetails).IsAssignableFrom(type))
        {
            schema.Properties["errorCodes"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = "Stable error codes keyed by field path or parameter name.",
                AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
            };
        }
    }

    internal static JsonNode OrderExample => JsonNode.Parse(
        """
        {
          "verificationMethod": "curtain-photo",
          "subject": {
            "nature": "enterprise", "province": "440000", "name": "深圳某某科技有限公司",
            "certificateType": "uscc", "certificateNumber": "91440300708461136T",
            "certificateAddress": "深圳市南山区科技园路1号", "mailingAddress": "深圳市南山区科技园路1号A栋101室",
            "investorOrAuthority": "深圳某某控股有限公司",
            "principal": {"name": "张三", "certificateType": "resident-id", "certificateNumber": "110101199003074514",
                          "mobile": "13800138000", "officePhone": "086-0755-12345678", "email": "a@example.com"}
          },
          "websites": [{
            "name": "某某科技官网", "domains": ["example.com"], "homepageUrls": ["www.example.com"],
            "serviceContent": "corporate-portal", "preApprovals": [], "languages": ["zh-Hans"],
            "accessResource": {"kind": "instance-ip", "value": "203.0.113.10"},
            "principal": null, "remark": ""
          }]
        }
        """)!;
}
