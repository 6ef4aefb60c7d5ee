using EvalHarness.Core.Frontier;

namespace EvalHarness.Core.Tests.Frontier;

public class FrontierTableLoaderTests
{
    private static readonly FrontierTable Real = FrontierTable.Load(FrontierYaml.RealTablePath);

    [Fact]
    public void Real_table_holds_the_AA_rows_exactly()
    {
        var gpt5 = Real.Model("GPT-5 (high)");
        Assert.Equal(0.871, gpt5.Scores["mmlu_pro"].Value);
        Assert.Equal(0.854, gpt5.Scores["gpqa_diamond"].Value);
        Assert.Equal(0.846, gpt5.Scores["livecodebench"].Value);
        Assert.Equal(0.429, gpt5.Scores["scicode"].Value);
        Assert.Equal(0.943, gpt5.Scores["aime2025"].Value);
        Assert.Equal("Artificial Analysis (AA) per-benchmark scores, as given in REFERENCE.md", gpt5.Scores["mmlu_pro"].Source.Title);
        Assert.Equal("2025-11", gpt5.Scores["mmlu_pro"].Date);
        Assert.Equal(new DateOnly(2025, 8, 7), gpt5.Released);

        var gpt4oMini = Real.Model("GPT-4o mini");
        Assert.Equal(0.147, gpt4oMini.Scores["aime2025"].Value);
        Assert.Equal(new DateOnly(2024, 7, 18), gpt4oMini.Released);

        // 15 AA rows carry per-benchmark scores; 74 cells in all (o3-mini has no AIME 2025).
        Assert.Equal(15, Real.Models.Count(m => m.Scores.Count > 0));
        Assert.Equal(74, Real.Models.Sum(m => m.Scores.Count));
        Assert.All(Real.Models.SelectMany(m => m.Scores.Values), s => Assert.Equal("aa_table", s.Source.Id));
    }

    [Fact]
    public void Missing_cells_stay_missing()
    {
        Assert.False(Real.Model("o3-mini").Scores.ContainsKey("aime2025"));
        Assert.Empty(Real.Model("Llama 3.1 405B").Scores);
        Assert.Empty(Real.Model("EXAONE 4.0 32B (reasoning)").Scores);
        Assert.DoesNotContain(Real.Models, m => m.Scores.ContainsKey("hle") || m.Scores.ContainsKey("ifbench") || m.Scores.ContainsKey("aa_lcr"));
    }

    [Fact]
    public void Real_table_has_the_published_index_and_the_gap_models()
    {
        Assert.Equal("GPT-5 (high)", Real.ReferenceModel.Name);
        var published = Real.PublishedIndexPoints().ToDictionary(p => p.Model, p => p.Score);
        Assert.Equal(new Dictionary<string, double>
        {
            ["GPT-5 (high)"] = 100,
            ["DeepSeek V3.1 Terminus (reasoning)"] = 84.1,
            ["Jamba 1.7 Large"] = 65.1,
            ["EXAONE 4.0 32B (reasoning)"] = 82.4,
        }, published);

        Assert.Equal(new DateOnly(2025, 1, 20), Real.Model("DeepSeek R1").Released);
        Assert.Equal(new DateOnly(2024, 7, 23), Real.Model("Llama 3.1 405B").Released);
        Assert.Equal(new DateOnly(2025, 9, 17), Real.Model("Magistral Medium 1.2").Released);
        Assert.Equal(new DateOnly(2025, 3, 12), Real.Model("Gemma 3 27B").Released);
        Assert.Equal(new DateOnly(2025, 3, 13), Real.Model("Command A").Released);
        Assert.Equal(new DateOnly(2025, 7, 7), Real.Model("Jamba 1.7").Released);
        Assert.Equal(new DateOnly(2025, 7, 15), Real.Model("EXAONE 4.0 32B").Released);
        Assert.Equal(new DateOnly(2025, 4, 16), Real.Model("o3").Released);
    }

    [Fact]
    public void Grok_3_keeps_both_release_dates_with_their_sources()
    {
        var grok3 = Real.Model("Grok 3");
        Assert.Equal(new DateOnly(2025, 2, 19), grok3.Released);
        Assert.Equal("gap_list", grok3.ReleaseDateSource.Id);
        var other = Assert.Single(grok3.OtherReleaseDates);
        Assert.Equal(new DateOnly(2025, 2, 17), other.Date);
        Assert.Equal("aa_table", other.Source.Id);
    }

    [Fact]
    public void Benchmarks_map_to_the_five_categories_with_equal_default_weights()
    {
        var categories = Real.Scheme.Benchmarks.ToDictionary(b => b.Id, b => b.Category);
        Assert.Equal("knowledge", categories["mmlu_pro"]);
        Assert.Equal("knowledge", categories["hle"]);
        Assert.Equal("reasoning", categories["gpqa_diamond"]);
        Assert.Equal("reasoning", categories["aime2025"]);
        Assert.Equal("coding", categories["livecodebench"]);
        Assert.Equal("coding", categories["scicode"]);
        Assert.Equal("instruction_following", categories["ifbench"]);
        Assert.Equal("instruction_following", categories["ifeval"]);
        Assert.Equal("information_retrieval", categories["aa_lcr"]);
        Assert.Equal("information_retrieval", categories["ruler"]);
        Assert.Equal(CategoryScheme.StandardCategories.Order(), Real.Scheme.CategoryWeights.Keys.Order());
        Assert.All(Real.Scheme.CategoryWeights.Values, w => Assert.Equal(1, w));
        Assert.All(Real.Scheme.Benchmarks, b => Assert.Equal(1, b.Weight));
    }

    [Fact]
    public void Inline_table_parses()
    {
        var table = FrontierTable.Parse(FrontierYaml.Table(FrontierYaml.Model("Ref", "2025-01-01", ("code_a", 0.5))));
        Assert.Equal(0.5, table.ReferenceModel.Scores["code_a"].Value);
    }

    [Theory]
    [InlineData("code_a", "1.5", 23, "models[0].scores.code_a.value", "outside [0, 1]")]
    [InlineData("code_a", "abc", 23, "models[0].scores.code_a.value", "expected a number")]
    [InlineData("nope", "0.5", 23, "models[0].scores.nope", "not declared under benchmarks")]
    public void Bad_score_names_file_line_and_field(string benchmark, string value, int line, string field, string problem)
    {
        var yaml = FrontierYaml.Table(FrontierYaml.Model("Ref", "2025-01-01") + $"\n    scores:\n      {benchmark}: {{ value: {value}, source: src, date: 2025-11 }}");
        var error = Assert.Throws<UserInputException>(() => FrontierTable.Parse(yaml, "t.yaml"));
        Assert.StartsWith($"t.yaml:{line}: {field}: ", error.Message);
        Assert.Contains(problem, error.Message);
        Assert.Contains("line " + line, error.Fix);
    }

    [Fact]
    public void Percent_instead_of_fraction_gets_a_hint()
    {
        var yaml = FrontierYaml.Table(FrontierYaml.Model("Ref", "2025-01-01", ("code_a", 87.1)));
        var error = Assert.Throws<UserInputException>(() => FrontierTable.Parse(yaml, "t.yaml"));
        Assert.Contains("write 0.871, not 87.1", error.Message);
    }

    [Fact]
    public void Undeclared_source_is_rejected()
    {
        var yaml = FrontierYaml.Table(FrontierYaml.Model("Ref", "2025-01-01", ("code_a", 0.5)).Replace("source: src, date", "source: elsewhere, date"));
        var error = Assert.Throws<UserInputException>(() => FrontierTable.Parse(yaml, "t.yaml"));
        Assert.StartsWith("t.yaml:23: models[0].scores.code_a.source: source 'elsewhere' is not declared", error.Message);
    }

    [Fact]
    public void Missing_required_field_names_the_model_line()
    {
        var yaml = FrontierYaml.Table(FrontierYaml.Model("Ref", "2025-01-01").Replace("    country: Nowhere\n", ""));
        var error = Assert.Throws<UserInputException>(() => FrontierTable.Parse(yaml, "t.yaml"));
        Assert.Equal("t.yaml:15: models[0].country: required field is missing", error.Message);
    }

    [Fact]
    public void Bad_release_date_and_unknown_field_are_rejected()
    {
        var badDate = FrontierYaml.Table(FrontierYaml.Model("Ref", "2025-13-01"));
        Assert.Contains("models[0].released: expected a date YYYY-MM-DD, got '2025-13-01'",
            Assert.Throws<UserInputException>(() => FrontierTable.Parse(badDate, "t.yaml")).Message);

        var typo = FrontierYaml.Table(FrontierYaml.Model("Ref", "2025-01-01") + "\n    realeased: 2025-01-01");
        Assert.Contains("t.yaml:22: models[0].realeased: unknown field",
            Assert.Throws<UserInputException>(() => FrontierTable.Parse(typo, "t.yaml")).Message);
    }

    [Fact]
    public void Reference_model_must_exist_and_names_must_be_unique()
    {
        var noReference = FrontierYaml.Table(FrontierYaml.Model("Other", "2025-01-01"));
        Assert.Contains("t.yaml:2: reference_model: 'Ref' is not one of the models",
            Assert.Throws<UserInputException>(() => FrontierTable.Parse(noReference, "t.yaml")).Message);

        var duplicate = FrontierYaml.Table(FrontierYaml.Model("Ref", "2025-01-01"), FrontierYaml.Model("ref", "2025-02-01"));
        Assert.Contains("models[1].name: 'ref' (or an alias) is already used by 'Ref'",
            Assert.Throws<UserInputException>(() => FrontierTable.Parse(duplicate, "t.yaml")).Message);
    }

    [Fact]
    public void Benchmark_with_undeclared_category_is_rejected()
    {
        var yaml = FrontierYaml.Table(FrontierYaml.Model("Ref", "2025-01-01")).Replace("reason_a: { category: reasoning }", "reason_a: { category: maths }");
        Assert.Contains("t.yaml:13: benchmarks.reason_a.category: 'maths' is not listed under categories",
            Assert.Throws<UserInputException>(() => FrontierTable.Parse(yaml, "t.yaml")).Message);
    }

    [Fact]
    public void Invalid_yaml_and_absent_file_are_user_errors()
    {
        var broken = Assert.Throws<UserInputException>(() => FrontierTable.Parse("models: [unclosed\n", "t.yaml"));
        Assert.StartsWith("t.yaml:", broken.Message);
        Assert.Contains("not valid YAML", broken.Message);

        using var temp = EvalHarness.Testing.TestPaths.NewTempDirectory();
        var missing = Assert.Throws<UserInputException>(() => FrontierTable.Load(temp.File("none.yaml")));
        Assert.Contains("does not exist", missing.Message);
    }

    [Fact]
    public void Duplicate_score_key_is_not_silently_overwritten()
    {
        var yaml = FrontierYaml.Table(FrontierYaml.Model("Ref", "2025-01-01", ("code_a", 0.5), ("code_a", 0.6)));
        var error = Assert.Throws<UserInputException>(() => FrontierTable.Parse(yaml, "t.yaml"));
        Assert.StartsWith("t.yaml:24:", error.Message);
    }

    [Fact]
    public void Source_date_and_flags_are_checked()
    {
        var badSourceDate = FrontierYaml.Table(FrontierYaml.Model("Ref", "2025-01-01")).Replace("date: 2025-11 }", "date: Nov 2025 }");
        Assert.Contains("t.yaml:4: sources.src.date: expected a date YYYY-MM-DD or YYYY-MM, got 'Nov 2025'",
            Assert.Throws<UserInputException>(() => FrontierTable.Parse(badSourceDate, "t.yaml")).Message);

        var badFlag = FrontierYaml.Table(FrontierYaml.Model("Ref", "2025-01-01").Replace("open_weights: true", "open_weights: yes please"));
        Assert.Contains("t.yaml:18: models[0].open_weights: expected true or false, got 'yes please'",
            Assert.Throws<UserInputException>(() => FrontierTable.Parse(badFlag, "t.yaml")).Message);
    }
}
