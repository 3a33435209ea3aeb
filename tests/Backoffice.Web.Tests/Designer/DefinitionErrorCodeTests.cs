using System.Net;
using System.Reflection;
using System.Text.Json.Nodes;
using Backoffice.Web.Tests.Support;
using Backoffice.Workflows.Definitions;

namespace Backoffice.Web.Tests.Designer;

/// <summary>
/// Each error code the validator can emit, through the real app: publishing is refused with exactly
/// the errors keyed by their activity and nothing is published, and validation answers the same.
/// </summary>
public sealed class DefinitionErrorCodeTests
{
    private readonly TestApp _app = TestApp.Instance;

    public static TheoryData<string> Codes() => [.. DefinitionErrorCases.ByCode.Keys];

    [Fact]
    public void Every_code_the_validator_can_emit_has_a_case()
    {
        var declared = typeof(DefinitionErrorCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!);

        Assert.Equal(declared.Order(StringComparer.Ordinal), DefinitionErrorCases.ByCode.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public async Task Publish_refuses_the_error_on_its_activity_and_validate_reports_it(string code)
    {
        await AssertRefusedAsync([code]);
    }

    [Fact]
    public async Task A_definition_with_several_errors_reports_every_one()
    {
        await AssertRefusedAsync(
        [
            DefinitionErrorCodes.DuplicateId, DefinitionErrorCodes.PropertyRequired, DefinitionErrorCodes.PropertyInvalid,
            DefinitionErrorCodes.PropertyUnknown, DefinitionErrorCodes.ExpressionInvalid, DefinitionErrorCodes.ReasonUnknown,
            DefinitionErrorCodes.ConnectionSourceMissing, DefinitionErrorCodes.ConnectionTargetMissing, DefinitionErrorCodes.UnknownOutcome,
            DefinitionErrorCodes.JoinNeedsTwo, DefinitionErrorCodes.Unreachable,
        ]);
    }

    private async Task AssertRefusedAsync(string[] codes)
    {
        var definitions = await Definitions.ForAsync(_app, DefinitionErrorCases.DefinitionId);
        var published = await definitions.PublishedVersionAsync();
        var original = await definitions.VersionAsync(published);
        var broken = DefinitionErrorCases.Broken(original, codes);
        var expected = codes.SelectMany(c => DefinitionErrorCases.ByCode[c].Errors).ToHashSet();
        try
        {
            await definitions.SaveDraftAsync(broken);

            var problem = await definitions.PublishAsync("不应发布").ExpectAsync(HttpStatusCode.BadRequest);
            var validation = await definitions.PostAsync("validate", broken).ExpectAsync(HttpStatusCode.OK);

            Assert.Equal(expected, Errors(problem["definitionErrors"]!));
            Assert.Equal(
                expected.Select(e => e.Activity is null ? "definition" : $"activities[{e.Activity}]").ToHashSet(),
                problem["errors"]!.AsObject().Select(p => p.Key).ToHashSet());
            Assert.Equal(published, await definitions.PublishedVersionAsync());
            Assert.False(validation["valid"]!.GetValue<bool>());
            Assert.Equal(expected, Errors(validation["errors"]!));
        }
        finally
        {
            await definitions.SaveDraftAsync(original);
        }
    }

    private static HashSet<(string?, string)> Errors(JsonNode errors) =>
        errors.AsArray().Select(e => (e!["activityId"]?.GetValue<string>(), e["code"]!.GetValue<string>())).ToHashSet();
}
