using Backoffice.Workflows.Expressions;

namespace Backoffice.Workflows.Tests.Expressions;

public sealed class ExpressionSandboxTests
{
    private const string Order = """{"subject":{"province":"310000"},"websites":[{"preApprovals":["news"]},{"preApprovals":[]}]}""";

    [Theory]
    [InlineData("order.subject.province === '310000'", true)]
    [InlineData("order.subject.province === '440000'", false)]
    [InlineData("order.websites.length > 1", true)]
    [InlineData("order.websites.some(w => w.preApprovals.length > 0)", true)]
    public void Conditions_read_the_order(string expression, bool expected) =>
        Assert.Equal(expected, ExpressionSandbox.EvaluateCondition(expression, Order));

    [Fact]
    public void Syntax_errors_are_reported_with_their_position()
    {
        var check = ExpressionSandbox.Compile("order.subject.province ===");

        Assert.False(check.IsValid);
        Assert.Contains(check.Errors, e => e.Contains("1:", StringComparison.Ordinal) || e.Contains("line", StringComparison.OrdinalIgnoreCase));
        Assert.False(ExpressionSandbox.Compile(" ").IsValid);
        Assert.True(ExpressionSandbox.Compile("order.websites.length > 0").IsValid);
    }

    [Theory]
    [InlineData("while (true) {}")]
    [InlineData("(function f(n) { return f(n + 1); })(0)")]
    [InlineData("let s = []; for (let i = 0; i < 500; i++) { s.push('x'.repeat(100000)); } s.length")]
    [InlineData("importNamespace('System').IO.File.ReadAllText('/etc/passwd')")]
    public void Runaway_or_escaping_scripts_are_stopped(string expression) =>
        Assert.Throws<ExpressionException>(() => ExpressionSandbox.Evaluate(expression, Order));

    [Fact]
    public void Net_types_are_not_reachable_and_conditions_must_be_boolean()
    {
        Assert.True(ExpressionSandbox.EvaluateCondition("typeof System === 'undefined'", Order));
        Assert.Throws<ExpressionException>(() => ExpressionSandbox.EvaluateCondition("order.subject.province", Order));
    }
}
