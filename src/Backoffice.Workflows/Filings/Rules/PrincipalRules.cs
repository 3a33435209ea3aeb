using Backoffice.Workflows.Validation;

namespace Backoffice.Workflows.Filings.Rules;

/// <summary>A responsible person (负责人): identity document, mobile, office phone where required, e-mail.</summary>
public static class PrincipalRules
{
    /// <summary>Checks the principal at <paramref name="path"/>; returns the birth date when the document gives one.</summary>
    public static DateOnly? Check(ValidationErrors errors, string path, PrincipalInfo? principal, bool officePhoneRequired, DateOnly today)
    {
        if (principal is null)
        {
            errors.Add(path, "required");
            return null;
        }

        if (TextRules.Check(errors, $"{path}.name", principal.Name, true, 30) && principal.Name!.Trim().Length < 2)
        {
            errors.Add($"{path}.name", "name-length");
        }

        TextRules.Choice(errors, $"{path}.certificateType", principal.CertificateType, PersonDocuments.PersonTypes);
        DateOnly? birth = null;
        if (TextRules.Check(errors, $"{path}.certificateNumber", principal.CertificateNumber, true, 40)
            && PersonDocuments.PersonTypes.Contains(principal.CertificateType ?? "")
            && PersonDocuments.CheckPersonNumber(principal.CertificateType!, principal.CertificateNumber!.Trim(), today, out birth) is { } code)
        {
            errors.Add($"{path}.certificateNumber", code);
        }

        if (TextRules.Check(errors, $"{path}.mobile", principal.Mobile, true, 20) && !ContactRules.IsMobile(principal.Mobile))
        {
            errors.Add($"{path}.mobile", "mobile-format");
        }

        if (TextRules.Check(errors, $"{path}.officePhone", principal.OfficePhone, officePhoneRequired, 30) && !ContactRules.IsOfficePhone(principal.OfficePhone))
        {
            errors.Add($"{path}.officePhone", "office-phone-format");
        }

        if (TextRules.Check(errors, $"{path}.email", principal.Email, true, 254) && !ContactRules.IsEmail(principal.Email))
        {
            errors.Add($"{path}.email", "email-format");
        }

        return birth;
    }
}
