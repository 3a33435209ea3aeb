namespace Backoffice.Web.Infrastructure;

/// <summary>
/// The staff pages' text in the request's language, injected into every page and layout:
/// <c>@T["收件箱", "Inbox"]</c>.
/// </summary>
public sealed class UiText(IHttpContextAccessor accessor)
{
    public bool English { get; } = accessor.HttpContext?.IsEnglish() ?? false;

    public string this[string zh, string en] => English ? en : zh;
}
