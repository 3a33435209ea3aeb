using Backoffice.Workflows.Validation;

namespace Backoffice.Workflows.Filings.Rules;

/// <summary>Orders on existing records name their target; changes carry the new data, which is checked like a filing.</summary>
public static class ExistingRecordRules
{
    public static void Check(ValidationErrors errors, FilingOrderRequest order, string filingType, DateOnly today, FilingRules rules)
    {
        if (!FilingNumbers.IsSubjectNumber(order.SubjectFilingNumber))
        {
            errors.Add("subjectFilingNumber", order.SubjectFilingNumber is null ? "required" : "subject-filing-number-format");
        }

        if (filingType is FilingType.ChangeWebsite or FilingType.CancelAccess or FilingType.DeregisterWebsite)
        {
            if (!FilingNumbers.IsWebsiteNumber(order.WebsiteFilingNumber))
            {
                errors.Add("websiteFilingNumber", order.WebsiteFilingNumber is null ? "required" : "website-filing-number-format");
            }
            else if (order.SubjectFilingNumber is not null && FilingNumbers.SubjectOf(order.WebsiteFilingNumber!) != order.SubjectFilingNumber)
            {
                errors.Add("websiteFilingNumber", "website-not-of-subject");
            }
        }

        if (FilingType.NeedsFilingPassword.Contains(filingType))
        {
            TextRules.Check(errors, "filingPassword", order.FilingPassword, true, 64);
        }

        if (filingType == FilingType.ChangeSubject)
        {
            SubjectRules.Check(errors, order.Subject, today);
        }

        if (filingType == FilingType.ChangeWebsite)
        {
            FilingOrderValidator.CheckWebsites(errors, order, today, rules, min: 1, max: 1);
        }
    }
}
