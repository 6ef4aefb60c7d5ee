using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using EvalHarness.Core.Evaluation;
using EvalHarness.Core.Scoring;
using Microsoft.Data.Sqlite;

namespace EvalHarness.Core.Runs;

/// <summary>
/// The run store: one SQLite file (WAL) per run directory. Every scored sample is committed as it completes, so a
/// run killed at any moment loses at most the samples that were still in flight; <c>--resume</c> reads them back
/// and sends only the rest. Finished tasks are marked so a resumed run skips them whole.
/// </summary>
public sealed class RunStore : IDisposable
{
    public const string FileName = "run.sqlite";

    internal static readonly JsonSerializerOptions Json = new()
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter() },
    };

    private readonly SqliteConnection _connection;
    private readonly object _gate = new();

    private RunStore(SqliteConnection connection) => _connection = connection;

    public static RunStore Open(string runDirectory)
    {
        Directory.CreateDirectory(runDirectory);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(runDirectory, FileName),
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        }.ToString());
        connection.Open();
        var store = new RunStore(connection);
        store.Execute("PRAGMA journal_mode=WAL;");
        store.Execute("PRAGMA synchronous=NORMAL;");
        store.Execute("""
            CREATE TABLE IF NOT EXISTS samples(
                task TEXT NOT NULL, sample_id TEXT NOT NULL, record TEXT NOT NULL, score TEXT NOT NULL, completed_utc TEXT NOT NULL,
                PRIMARY KEY(task, sample_id));
            CREATE TABLE IF NOT EXISTS tasks(task TEXT PRIMARY KEY, status TEXT NOT NULL, updated_utc TEXT NOT NULL);
            """);
        return store;
    }

    /// <summary>Stores one scored sample (idempotent: a sample stored twice keeps its first version).</summary>
    public void AddSample(SampleRecord record, SampleScore score)
    {
        lock (_gate)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "INSERT OR IGNORE INTO samples(task, sample_id, record, score, completed_utc) VALUES ($task, $id, $record, $score, $at)";
            command.Parameters.AddWithValue("$task", record.Task);
            command.Parameters.AddWithValue("$id", record.SampleId);
            command.Parameters.AddWithValue("$record", JsonSerializer.Serialize(record, Json));
            command.Parameters.AddWithValue("$score", JsonSerializer.Serialize(score, Json));
            command.Parameters.AddWithValue("$at", Now());
            command.ExecuteNonQuery();
        }
    }

    /// <summary>The samples of a task stored so far, by sample id.</summary>
    public IReadOnlyDictionary<string, CompletedSample> Samples(string task)
    {
        lock (_gate)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT sample_id, record, score FROM samples WHERE task = $task";
            command.Parameters.AddWithValue("$task", task);
            using var reader = command.ExecuteReader();
            var samples = new Dictionary<string, CompletedSample>(StringComparer.Ordinal);
            while (reader.Read())
            {
                var record = JsonSerializer.Deserialize<SampleRecord>(reader.GetString(1), Json)!;
                var score = JsonSerializer.Deserialize<SampleScore>(reader.GetString(2), Json)!;
                samples[reader.GetString(0)] = new CompletedSample(record, score);
            }
            return samples;
        }
    }

    public int SampleCount(string task)
    {
        lock (_gate)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM samples WHERE task = $task";
            command.Parameters.AddWithValue("$task", task);
            return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        }
    }

    public void MarkTaskFinished(string task)
    {
        lock (_gate)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "INSERT INTO tasks(task, status, updated_utc) VALUES ($task, 'finished', $at) ON CONFLICT(task) DO UPDATE SET status = 'finished', updated_utc = $at";
            command.Parameters.AddWithValue("$task", task);
            command.Parameters.AddWithValue("$at", Now());
            command.ExecuteNonQuery();
        }
    }

    public bool IsTaskFinished(string task)
    {
        lock (_gate)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT status FROM tasks WHERE task = $task";
            command.Parameters.AddWithValue("$task", task);
            return command.ExecuteScalar() as string == "finished";
        }
    }

    /// <summary>A sink that stores each sample of a task as it is scored, then tells <paramref name="progress"/>.</summary>
    public IEvaluationSink SinkFor(Action<SampleRecord>? progress = null) => new StoreSink(this, progress);

    public void Dispose() => _connection.Dispose();

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static string Now() => DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture);

    private sealed class StoreSink(RunStore store, Action<SampleRecord>? progress) : IEvaluationSink
    {
        public void OnSampleCompleted(SampleRecord record, SampleScore score)
        {
            store.AddSample(record, score);
            progress?.Invoke(record);
        }
    }
}
