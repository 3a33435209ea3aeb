using System.Text.Json;
using System.Text.Json.Nodes;
using Backoffice.Web.Features.Filings;
using Backoffice.Workflows.Filings;
using Microsoft.OpenApi;

namespace Backoffice.Web.Infrastructure;

/// <summary>
/// The order's examples on the operations a console builds on: the body it sends to create or replace an order, and
/// the answers it reads back. The answers are the API's own records serialized as the API serializes them, the
/// personal data masked by the same code as a read, so an example cannot drift from what is sent.
/// </summary>
public static class OpenApiExamples
{
    private static readonly Guid OrderId = Guid.Parse("0193a4c2-7b1e-7c3d-9f00-5b2d1e8a4c01");
    private static readonly Guid TaskId = Guid.Parse("0193a4c5-1d20-7e11-8a00-3c4b5d6e7f02");
    private static readonly Guid LicenceId = Guid.Parse("0193a4c3-0a11-7d22-8b00-6c7d8e9fa003");
    private const string OrderNumber = "BO20261208000123";

    public static void Apply(Microsoft.OpenApi.OpenApiDocument document)
    {
        var order = OpenApiDocument.OrderExample;
        Set(document, "POST", "/api/filings", request: order, status: "201", answer: Serialize(Created));
        Set(document, "PUT", "/api/filings/{id}", request: order, status: "200", answer: Serialize(Created));
        Set(document, "GET", "/api/filings/{id}", request: null, status: "200", answer: Serialize(Detail(order)));
    }

    private static CreateFiling.Created Created => new(OrderId, OrderNumber, FilingType.NewFiling, FilingStatus.Draft, []);

    /// <summary>The order of the request example, returned at initial review for its mailing address and licence.</summary>
    private static FilingReads.FilingDetail Detail(JsonNode order)
    {
        var body = order.Deserialize<FilingOrderRequest>(JsonBody.Options)!.Masked();
        var created = new DateTimeOffset(2026, 12, 8, 9, 30, 0, TimeSpan.FromHours(8));
        var submitted = created.AddMinutes(20);
        var returned = created.AddHours(3);
        return new FilingReads.FilingDetail(
            OrderId, OrderNumber, FilingType.NewFiling, FilingStatus.Returned, FilingReads.Label(FilingStatus.Returned, false), "440000", body.VerificationMethod, body.Subject, body.Websites,
            null, [], null,
            [new FilingReads.MaterialEntry
            {
                Id = LicenceId, Kind = "business-license", FileName = "licence.jpg", ContentType = "image/jpeg", SizeBytes = 482133, UploadedAt = created.AddMinutes(10),
            }],
            [
                new FilingReads.TimelineEntry { At = created, Status = FilingStatus.Draft, StatusLabel = FilingReads.Label(FilingStatus.Draft, false), Step = "created", Actor = "console" },
                new FilingReads.TimelineEntry { At = submitted, Status = FilingStatus.InitialReview, StatusLabel = FilingReads.Label(FilingStatus.InitialReview, false), Step = "initial-review", Actor = "console" },
                new FilingReads.TimelineEntry { At = returned, Status = FilingStatus.Returned, StatusLabel = FilingReads.Label(FilingStatus.Returned, false), Step = "initial-review", Actor = "reviewer" },
            ],
            created, returned, submitted, false,
            [new OrderReturns.Entry(1, TaskId, returned, "initial-review", ["address-not-detailed", "certificate-unclear"], "请补充通信地址的门牌号，并上传清晰的营业执照。",
                [new OrderReturns.Item("subject.mailingAddress", "缺少门牌号"), new OrderReturns.Item("materials.business-license", "照片模糊")])],
            body.Account);
    }

    private static JsonNode Serialize<T>(T value) => JsonSerializer.SerializeToNode(value, JsonBody.Options)!;

    private static void Set(Microsoft.OpenApi.OpenApiDocument document, string method, string path, JsonNode? request, string status, JsonNode answer)
    {
        var item = document.Paths.FirstOrDefault(p => p.Key.TrimEnd('/') == path).Value;
        if (item?.Operations?.FirstOrDefault(o => o.Key.Method == method).Value is not { } operation)
        {
            return;
        }

        if (request is not null && operation.RequestBody?.Content?.TryGetValue(OpenApiDocument.Json, out var body) == true)
        {
            body.Example = request;
        }

        if (operation.Responses?.TryGetValue(status, out var response) == true && response.Content?.TryGetValue(OpenApiDocument.Json, out var content) == true)
        {
            content.Example = answer;
        }
    }
}
