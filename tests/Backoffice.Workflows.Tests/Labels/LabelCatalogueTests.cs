using Backoffice.Workflows.Definitions;
using Backoffice.Workflows.Filings;
using Backoffice.Workflows.Filings.Rules;
using Backoffice.Workflows.Labels;

namespace Backoffice.Workflows.Tests.Labels;

public sealed class LabelCatalogueTests
{
    public static TheoryData<LabelSet, string> EveryCodeTheDomainAccepts()
    {
        var data = new TheoryData<LabelSet, string>();
        void Add(LabelSet set, IEnumerable<string> codes)
        {
            foreach (var code in codes)
            {
                data.Add(set, code);
            }
        }

        Add(LabelSet.Nature, PersonDocuments.Natures);
        Add(LabelSet.CertificateType, PersonDocuments.CertificateTypes);
        Add(LabelSet.ServiceContent, WebsiteRules.ServiceContents);
        Add(LabelSet.PreApproval, WebsiteRules.PreApprovals);
        Add(LabelSet.Language, WebsiteRules.Languages);
        Add(LabelSet.AccessResource, WebsiteRules.AccessKinds);
        Add(LabelSet.VerificationMethod, FilingOrderValidator.VerificationMethods);
        Add(LabelSet.MaterialKind, Materials.Kinds);
        Add(LabelSet.WorkflowEvent, ActivityTypes.Events);
        Add(LabelSet.EndResult, ActivityTypes.EndResults);
        Add(LabelSet.DurationUnit, ActivityTypes.DurationUnits);
        foreach (var property in ActivityTypes.All.SelectMany(t => t.Properties))
        {
            var set = property.Name switch
            {
                "action" => LabelSet.ApplicantAction,
                "channel" => LabelSet.Channel,
                "to" => LabelSet.Recipient,
                "event" => LabelSet.WorkflowEvent,
                "result" => LabelSet.EndResult,
                _ => (LabelSet?)null,
            };
            if (set is not null)
            {
                Add(set.Value, property.Choices ?? []);
            }
        }

        foreach (var definition in DefinitionJson.Defaults())
        {
            Add(LabelSet.Outcome, definition.Connections.Select(c => c.Outcome));
            Add(LabelSet.Team, definition.Activities.Select(a => a.Text("team")).OfType<string>());
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryCodeTheDomainAccepts))]
    public void Every_code_the_domain_accepts_has_a_Chinese_and_an_English_label(LabelSet set, string code)
    {
        Assert.True(LabelCatalogue.Knows(set, code), $"{set} {code} has no label");
        var zh = LabelCatalogue.Of(set, code, english: false);
        var en = LabelCatalogue.Of(set, code, english: true);
        Assert.NotEqual(code, zh);
        Assert.NotEqual(code, en);
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", zh);
    }

    [Fact]
    public void Statuses_and_filing_types_are_read_from_their_own_homes()
    {
        Assert.Equal("初审中", LabelCatalogue.Of(LabelSet.Status, FilingStatus.InitialReview, false));
        Assert.Equal("New filing", LabelCatalogue.Of(LabelSet.FilingType, FilingType.NewFiling, true));
        Assert.Equal(FilingStatus.Labels.Keys, LabelCatalogue.Entries(LabelSet.Status).Keys);
        Assert.Equal("人工审核", LabelCatalogue.Of(LabelSet.ActivityType, ActivityTypes.HumanTask, false));
    }

    [Fact]
    public void A_code_no_set_knows_is_shown_as_it_is_and_lists_join_in_the_language()
    {
        Assert.Equal("someday-code", LabelCatalogue.Of(LabelSet.Outcome, "someday-code", false));
        Assert.Equal("", LabelCatalogue.Of(LabelSet.Outcome, null, false));
        Assert.Equal("新闻、教育", LabelCatalogue.Join(LabelSet.PreApproval, ["news", "education"], false));
        Assert.Equal("News, Education", LabelCatalogue.Join(LabelSet.PreApproval, ["news", "education"], true));
    }
}
