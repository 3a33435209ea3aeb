using static Backoffice.Web.Infrastructure.OpenApiDocument;
using System.Text.Json.Nodes;
using Backoffice.Web.Infrastructure;
using Backoffice.Workflows.Definitions;
using Backoffice.Workflows.Filings;
using Backoffice.Workflows.Filings.Rules;
using Backoffice.Workflows.Instances;
using Backoffice.Workflows.Messaging;
using Backoffice.Workflows.Labels;
using Backoffice.Workflows.Validation;
using Dapper;
using Npgsql;

namespace Backoffice.Web.Features.Definitions;

/// <summary>
/// The lists the designer's property editors pick from (teams, public statuses, reason codes,
/// processes, the order fields a condition can test, template placeholders, the labels of codes and
/// the outcomes a human task may offer), and the preview of a
/// notification template rendered by the engine's own renderer.
/// </summary>
public static class DesignerReference
{
    public sealed record PreviewRequest(string? Template, Guid? OrderId);

    internal sealed record Choice(string Value, string Label);

    /// <summary>An order field a condition can test, at its path in the order document (<c>order.websites.length</c> counts the websites).</summary>
    internal sealed record OrderField(string Path, string Label, string Kind, IReadOnlyList<Choice>? Choices = null);

    public static readonly IReadOnlyList<string> Placeholders = ["{orderNumber}", "{subjectName}", "{status}", "{subjectFilingNumber}", "{websiteFilingNumbers}"];

    /// <summary>The reference lists of the property editors and the template preview, outside any one definition.</summary>
    public static IEndpointRouteBuilder MapDesignerApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/designer/reference", GetAsync).RequireAuthorization(Policies.Compliance).WithTags("Workflow designer");
        app.MapPost("/api/designer/template-preview", PreviewAsync).RequireAuthorization(Policies.Compliance)
            .WithTags("Workflow designer").Accepts<PreviewRequest>(Json).ProducesValidationProblem();
        return app;
    }

    public static async Task<IResult> GetAsync(HttpContext context, NpgsqlDataSource dataSource)
    {
        var english = context.IsEnglish();
        var ct = context.RequestAborted;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var teams = (await connection.QueryAsync<Choice>(new CommandDefinition("select id as value, name as label from teams order by id", cancellationToken: ct)))
            .Select(t => t with { Label = LabelCatalogue.OfTeam(t.Value, t.Label, english) });
        var reasons = await connection.QueryAsync<Choice>(new CommandDefinition(
            $"select code as value, {(english ? "label_en" : "label_zh")} as label from reason_codes where active order by sort, code", cancellationToken: ct));
        var definitions = await connection.QueryAsync<Choice>(new CommandDefinition(
            "select id as value, name as label from workflow_definitions order by id", cancellationToken: ct));
        return Results.Ok(new
        {
            teams, reasonCodes = reasons, definitions, statuses = Statuses(english), placeholders = Placeholders,
            orderFields = OrderFields(english), labels = Labels(english),
            humanTaskOutcomes = ActivityTypes.HumanTaskOutcomes,
        });
    }

    public static async Task<IResult> PreviewAsync(HttpContext context, NpgsqlDataSource dataSource)
    {
        var (request, problem) = await JsonBody.ReadAsync<PreviewRequest>(context);
        if (problem is not null)
        {
            return problem;
        }

        if (string.IsNullOrWhiteSpace(request!.Template))
        {
            return Problems.Field(context, "template", "required");
        }

        var order = SampleOrder();
        if (request.OrderId is { } orderId)
        {
            await using var connection = await dataSource.OpenConnectionAsync(context.RequestAborted);
            var row = await FilingOrders.LoadAsync(connection, null, orderId, false, context.RequestAborted);
            if (row is null)
            {
                return Problems.Field(context, "orderId", "order-not-found");
            }

            order = OrderDocument.From(row);
        }

        return Results.Ok(new { text = Notifications.Render(request.Template, order) });
    }

    private static JsonObject SampleOrder() => new()
    {
        ["orderNumber"] = "BA20260101000001",
        ["status"] = FilingStatus.Approved,
        ["subjectFilingNumber"] = "粤ICP备20000001号",
        ["websiteFilingNumbers"] = new JsonArray("粤ICP备20000001号-1"),
        ["subject"] = new JsonObject { ["name"] = "深圳某某科技有限公司" },
    };

    private static List<Choice> Statuses(bool english) => [.. FilingStatus.Labels.Select(s => new Choice(s.Key, english ? s.Value.En : s.Value.Zh))];

    /// <summary>The labels of the codes the designer shows: outcomes and the choices of choice properties.</summary>
    private static Dictionary<string, Dictionary<string, string>> Labels(bool english)
    {
        Dictionary<string, string> Of(LabelSet set) => LabelCatalogue.Entries(set).ToDictionary(e => e.Key, e => english ? e.Value.En : e.Value.Zh);
        return new()
        {
            ["outcome"] = Of(LabelSet.Outcome), ["channel"] = Of(LabelSet.Channel), ["recipient"] = Of(LabelSet.Recipient),
            ["applicantAction"] = Of(LabelSet.ApplicantAction), ["workflowEvent"] = Of(LabelSet.WorkflowEvent), ["endResult"] = Of(LabelSet.EndResult),
        };
    }

    internal static List<OrderField> OrderFields(bool english)
    {
        Choice[] Of(LabelSet set, IEnumerable<string> values) => [.. values.Select(v => new Choice(v, LabelCatalogue.Of(set, v, english)))];
        return
        [
            new("order.subject.province", english ? "Subject province" : "主体所在省份", "choice",
                [.. Provinces.All.Select(p => new Choice(p.Code, english ? p.En : p.Zh))]),
            new("order.subject.nature", english ? "Subject nature" : "主体性质", "choice", Of(LabelSet.Nature, PersonDocuments.Natures)),
            new("order.subject.certificateType", english ? "Subject certificate type" : "主体证件类型", "choice", Of(LabelSet.CertificateType, PersonDocuments.CertificateTypes)),
            new("order.filingType", english ? "Filing type" : "备案类型", "choice",
                [.. FilingType.Labels.Select(t => new Choice(t.Key, english ? t.Value.En : t.Value.Zh))]),
            new("order.status", english ? "Public status" : "公开状态", "choice", Statuses(english)),
            new("order.verificationMethod", english ? "Verification method" : "核验方式", "choice", Of(LabelSet.VerificationMethod, FilingOrderValidator.VerificationMethods)),
            new("order.websites.length", english ? "Number of websites" : "网站数量", "number"),
            new("order.subject.name", english ? "Subject name" : "主体名称", "text"),
        ];
    }
}
