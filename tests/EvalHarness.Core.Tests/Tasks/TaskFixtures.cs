using EvalHarness.Core.Tasks;

namespace EvalHarness.Core.Tests.Tasks;

/// <summary>Small task files and datasets the tests write themselves.</summary>
internal static class TaskFixtures
{
    public const string QaYaml = """
        name: tiny_qa
        category: reasoning
        version: 3
        dataset:
          source: local
          location: data
          splits:
            test: { files: "test.jsonl" }
            train: { files: "train.jsonl" }
        eval_split: test
        fields:
          id: "{qid}"
          target: "{answer|after:#### }"
        prompt:
          text: "Question: {question}\nAnswer:"
          shot_target: " {answer}"
        fewshot:
          default: 1
          policy: first_n
          split: train
        request:
          kind: generate
          max_new_tokens: 32
          stop: ["Question:"]
        scoring:
          scorer: gsm8k
          metrics: ["exact_match,strict-match", "exact_match,flexible-extract"]
        """;

    public const string ChoiceYaml = """
        name: tiny_mc
        category: knowledge
        dataset:
          source: local
          location: data
          splits:
            test: { files: "*_test.csv", columns: [question, A, B, C, D, answer], group_from_file: "^(.+)_test\\.csv$" }
        eval_split: test
        fields:
          target: "{answer}"
          choices: ["A", "B", "C", "D"]
        prompt:
          description: "The following are multiple choice questions (with answers) about {@group|spaces}.\n\n"
          text: "{question|strip}\nA. {A}\nB. {B}\nC. {C}\nD. {D}\nAnswer:"
          shot_target: " {@target_label}"
        request:
          kind: loglikelihood
        scoring:
          scorer: mc-loglikelihood
          metrics: [acc]
          breakdown: group
        """;

    /// <summary>Writes the QA task with a 3-item test split and a 2-item train split; returns the task.</summary>
    public static TaskSpec WriteQaTask(string directory)
    {
        Directory.CreateDirectory(Path.Combine(directory, "data"));
        File.WriteAllText(Path.Combine(directory, "data", "test.jsonl"),
            """
            {"qid": "q1", "question": "What is 2+2?", "answer": "2+2=4\n#### 4"}
            {"qid": "q2", "question": "What is 3*3?", "answer": "#### 9"}
            {"qid": "q3", "question": "What is 10-1?", "answer": "#### 9"}
            """);
        File.WriteAllText(Path.Combine(directory, "data", "train.jsonl"),
            """
            {"qid": "t1", "question": "What is 1+1?", "answer": "1+1=2\n#### 2"}
            {"qid": "t2", "question": "What is 5+5?", "answer": "#### 10"}
            """);
        var file = Path.Combine(directory, "tiny_qa.yaml");
        File.WriteAllText(file, QaYaml);
        return TaskSpecLoader.LoadFile(file);
    }

    public static TaskSpec WriteChoiceTask(string directory)
    {
        Directory.CreateDirectory(Path.Combine(directory, "data"));
        File.WriteAllText(Path.Combine(directory, "data", "high_school_physics_test.csv"),
            "\"What is 1, plus 1?\",1,2,3,4,B\n\"Pick \"\"C\"\"\",x,y,z,w,C\n");
        File.WriteAllText(Path.Combine(directory, "data", "astronomy_test.csv"), "Which is a planet?,Sun,Moon,Mars,Vega,C\n");
        var file = Path.Combine(directory, "tiny_mc.yaml");
        File.WriteAllText(file, ChoiceYaml);
        return TaskSpecLoader.LoadFile(file);
    }
}
