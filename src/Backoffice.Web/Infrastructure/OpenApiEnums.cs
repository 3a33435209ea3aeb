using System.Text.Json.Nodes;
using Backoffice.Web.Features.Bureau;
using Backoffice.Web.Features.Filings;
using Backoffice.Web.Features.Inbox;
using Backoffice.Web.Features.Tasks;
using Backoffice.Workflows.Bureau;
using Backoffice.Workflows.Filings;
using Backoffice.Workflows.Filings.Rules;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Backoffice.Web.Infrastructure;

/// <summary>The code sets of API.md as enums on the properties that carry them, taken from the rules that check them.</summary>
public static class OpenApiEnums
{
    private static readonly IReadOnlyList<string> AccessKinds = ["instance-ip", "authorization-code"];

    private static readonly Dictionary<(Type, string), IReadOnlyCollection<string>> Sets = new()
    {
        [(typeof(FilingOrderRequest), "filingType")] = FilingType.Labels.Keys.ToList(),
        [(typeof(CreateFiling.Created), "filingType")] = FilingType.Labels.Keys.ToList(),
        [(typeof(CreateFiling.Created), "status")] = FilingStatus.Labels.Keys.ToList(),
        [(typeof(FilingReads.FilingDetail), "filingType")] = FilingType.Labels.Keys.ToList(),
        [(typeof(FilingReads.FilingDetail), "status")] = FilingStatus.Labels.Keys.ToList(),
        [(typeof(FilingReads.FilingSummary), "filingType")] = FilingType.Labels.Keys.ToList(),
        [(typeof(FilingReads.FilingSummary), "status")] = FilingStatus.Labels.Keys.ToList(),
        [(typeof(FilingReads.TimelineEntry), "status")] = FilingStatus.Labels.Keys.ToList(),
        [(typeof(FilingReads.MaterialEntry), "kind")] = Materials.Kinds,
        [(typeof(UploadMaterial.MaterialUpload), "kind")] = Materials.Kinds,
        [(typeof(ResolveFilingType.Request), "subjectNature")] = PersonDocuments.Natures,
        [(typeof(ResolveFilingType.Request), "certificateType")] = PersonDocuments.CertificateTypes,
        [(typeof(ResolveFilingType.Response), "filingType")] = FilingType.Labels.Keys.ToList(),
        [(typeof(SubjectInfo), "nature")] = PersonDocuments.Natures,
        [(typeof(SubjectInfo), "certificateType")] = PersonDocuments.CertificateTypes,
        [(typeof(PrincipalInfo), "certificateType")] = PersonDocuments.PersonTypes,
        [(typeof(AccessResourceInfo), "kind")] = AccessKinds,
        [(typeof(BureauEventsApi.Request), "kind")] = BureauEvents.Kinds.Keys.ToList(),
        [(typeof(BulkTaskActions.Request), "action")] = BulkTaskActions.Actions,
        [(typeof(InboxViews.Request), "tab")] = InboxQuery.Tabs,
        [(typeof(InboxViews.Request), "sort")] = InboxViews.Sorts,
        [(typeof(InboxViews.View), "tab")] = InboxQuery.Tabs,
        [(typeof(InboxViews.View), "sort")] = InboxViews.Sorts,
    };

    public static void Apply(OpenApiSchema schema, OpenApiSchemaTransformerContext context)
    {
        if (context.JsonPropertyInfo is { } property && Sets.TryGetValue((property.DeclaringType, property.Name), out var values))
        {
            schema.Enum = [.. values.Select(v => (JsonNode)JsonValue.Create(v)!)];
        }

        if (context.JsonPropertyInfo is null && context.JsonTypeInfo.Type == typeof(FilingOrderRequest))
        {
            schema.Examples = [OpenApiDocument.OrderExample];
        }
    }
}
