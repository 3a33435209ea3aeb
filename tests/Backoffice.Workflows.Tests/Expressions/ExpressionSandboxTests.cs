using System.Text.Json.Nodes;
using Backoffice.Workflows.Expressions;

namespace Backoffice.Workflows.Tests.Expressions;

public sealed class ExpressionSandboxTests
{
    private const string Order = """
        {"subject":{"province":"310000"},"websites":[{"domain":"example.cn","preApprovals":["news"]},{"domain":"example.com.cn","preApprovals":[]}]}
        """;

    private const string SingleWebsiteOrder = """{"subject":{"province":"440000"},"websites":[{"domain":"example.cn","preApprovals":[]}]}""";

    [Theory]
    [InlineData("order.subject.province === '310000'", Order, true)]
    [InlineData("order.subject.province === '310000'", SingleWebsiteOrder, false)]
    [InlineData("order.websites.length > 1", Order, true)]
    [InlineData("order.websites.length > 1", SingleWebsiteOrder, false)]
    [InlineData("order.websites.some(w => w.preApprovals.length > 0)", Order, true)]
    [InlineData("order.websites.some(w => w.preApprovals.length > 0)", SingleWebsiteOrder, false)]
    public void Conditions_read_the_order(string expression, string order, bool expected) =>
        Assert.Equal(expected, ExpressionSandbox.EvaluateCondition(expression, order));

    [Fact]
    public void Conditions_read_the_instance_variables()
    {
        const string Expression = "variables.returns >= 2 && order.subject.province === '310000'";

        Assert.True(ExpressionSandbox.EvaluateCondition(Expression, Order, """{"returns":2}"""));
        Assert.False(ExpressionSandbox.EvaluateCondition(Expression, Order, """{"returns":1}"""));
        Assert.False(ExpressionSandbox.EvaluateCondition("variables.returns !== undefined", Order));
    }

    [Fact]
    public void Results_come_back_as_json()
    {
        var domains = ExpressionSandbox.Evaluate("order.websites.map(w => w.domain)", Order);

        Assert.Equal("""["example.cn","example.com.cn"]""", domains!.ToJsonString());
        Assert.Equal(2, ExpressionSandbox.Evaluate("order.websites.length", Order)!.GetValue<int>());
        Assert.Null(ExpressionSandbox.Evaluate("order.missing", Order));
        Assert.Equal(ExpressionFailure.NotJson, Fails(() => ExpressionSandbox.Evaluate("() => 1", Order)));
    }

    [Fact]
    public void Compile_reports_syntax_errors_with_their_position()
    {
        var check = ExpressionSandbox.Compile("order.subject.province ===\n  && true");

        Assert.False(check.IsValid);
        var error = Assert.Single(check.Errors);
        Assert.Equal((2, 3), (error.Line, error.Column));
        Assert.Contains("Unexpected token", error.Message, StringComparison.Ordinal);
        Assert.True(ExpressionSandbox.Compile("order.websites.length > 0").IsValid);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  \n ")]
    public void An_empty_expression_is_an_error(string expression)
    {
        Assert.False(ExpressionSandbox.Compile(expression).IsValid);
        Assert.Equal(ExpressionFailure.Syntax, Fails(() => ExpressionSandbox.EvaluateCondition(expression, Order)));
    }

    [Fact]
    public void Compile_parses_in_strict_mode_without_running()
    {
        Assert.False(ExpressionSandbox.Compile("with (order) { subject }").IsValid);
        Assert.True(ExpressionSandbox.Compile("while (true) {}").IsValid);
    }

    [Theory]
    [InlineData("while (true) {}", ExpressionFailure.StatementLimit)]
    [InlineData("(function f(n) { return f(n + 1); })(0)", ExpressionFailure.RecursionLimit)]
    [InlineData("const text = 'x'.repeat(8 * 1024 * 1024); text.length > 0", ExpressionFailure.MemoryLimit)]
    [InlineData("/^(a+)+$/.test('a'.repeat(40) + '!')", ExpressionFailure.Timeout)]
    [InlineData("order.subject.missing.province === '310000'", ExpressionFailure.ScriptError)]
    [InlineData("undeclared = 1", ExpressionFailure.ScriptError)]
    [InlineData("order.subject.province ===", ExpressionFailure.Syntax)]
    [InlineData("order.subject.province", ExpressionFailure.NotBoolean)]
    [InlineData("order.websites.length", ExpressionFailure.NotBoolean)]
    public void Failing_conditions_are_stopped_and_explained(string expression, ExpressionFailure expected) =>
        Assert.Equal(expected, Fails(() => ExpressionSandbox.EvaluateCondition(expression, Order)));

    [Theory]
    [InlineData("typeof System === 'undefined'")]
    [InlineData("typeof importNamespace === 'undefined'")]
    [InlineData("typeof clrHelper === 'undefined'")]
    [InlineData("typeof order.GetType === 'undefined'")]
    public void Net_is_not_reachable(string expression) =>
        Assert.True(ExpressionSandbox.EvaluateCondition(expression, Order));

    [Fact]
    public void Calling_into_net_fails_as_a_script_error()
    {
        var failure = Assert.Throws<ExpressionException>(
            () => ExpressionSandbox.Evaluate("importNamespace('System').IO.File.ReadAllText('/etc/passwd')", Order));

        Assert.Equal(ExpressionFailure.ScriptError, failure.Failure);
        Assert.Contains("importNamespace is not defined", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"subject\":")]
    [InlineData("[1, 2]")]
    public void An_order_that_is_not_a_json_object_is_refused(string order) =>
        Assert.Equal(ExpressionFailure.InvalidInput, Fails(() => ExpressionSandbox.EvaluateCondition("true", order)));

    private static ExpressionFailure Fails(Func<object?> evaluate) => Assert.Throws<ExpressionException>(evaluate).Failure;
}
