namespace Backoffice.Workflows.Validation;

/// <summary>One field-level error: the JSON path of the field, a stable code and its message arguments.</summary>
public sealed record FieldError(string Path, string Code, IReadOnlyList<object> Args);

/// <summary>Collects every error of a request; nothing is stored while it is not empty.</summary>
public sealed class ValidationErrors
{
    private readonly List<FieldError> _errors = [];

    public IReadOnlyList<FieldError> All => _errors;

    public bool IsEmpty => _errors.Count == 0;

    public void Add(string path, string code, params object[] args) => _errors.Add(new FieldError(path, code, args));

    public bool Has(string path) => _errors.Exists(e => e.Path == path);

    /// <summary>Error messages grouped by path, in the language asked for (Chinese unless English).</summary>
    public IDictionary<string, string[]> ToDictionary(bool english) =>
        _errors.GroupBy(e => e.Path)
            .ToDictionary(g => g.Key, g => g.Select(e => ValidationMessages.Format(e.Code, english, e.Args)).ToArray());

    /// <summary>The stable error codes grouped by path, for clients that translate themselves.</summary>
    public IDictionary<string, string[]> ToCodes() =>
        _errors.GroupBy(e => e.Path).ToDictionary(g => g.Key, g => g.Select(e => e.Code).Distinct().ToArray());
}
