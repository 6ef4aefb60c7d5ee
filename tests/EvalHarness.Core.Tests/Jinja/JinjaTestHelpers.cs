using EvalHarness.Core.Prompts.Jinja;

namespace EvalHarness.Core.Tests.Jinja;

internal static class Jinja
{
    public static string Render(string template, object? variables = null, JinjaOptions? options = null)
    {
        var dict = variables switch
        {
            null => new Dictionary<string, object?>(),
            Dictionary<string, object?> d => d,
            _ => variables.GetType().GetProperties().ToDictionary(p => p.Name, p => p.GetValue(variables)),
        };
        return JinjaTemplate.Parse(template, options).Render(dict);
    }

    public static JinjaTemplateException Fails(string template, object? variables = null, JinjaOptions? options = null) =>
        Assert.Throws<JinjaTemplateException>(() => Render(template, variables, options));
}
