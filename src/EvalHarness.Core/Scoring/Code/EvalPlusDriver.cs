namespace EvalHarness.Core.Scoring.Code;

/// <summary>
/// The Python programs that run inside the sandbox for EvalPlus (HumanEval+, MBPP+) checking. Both read one JSON
/// document from stdin, so the program text never changes and no data is pasted into source code.
/// Ported from EvalPlus v0.3.1 (evalplus/evaluate.py get_groundtruth, evalplus/gen/util trusted_exec,
/// evalplus/eval/__init__.py unsafe_execute + check_output, evalplus/eval/_special_oracle.py,
/// evalplus/data/mbpp.py mbpp_deserialize_inputs). Differences: numpy.allclose is used when numpy is installed,
/// else an element-wise equivalent (same rtol/atol formula, nan never close, equal infinities close); EvalPlus's
/// reliability_guard (which nulls os/shutil/subprocess functions) is replaced by the sandbox itself.
/// </summary>
internal static class EvalPlusDriver
{
    public const string ResultPrefix = "EVALPLUS-RESULT ";

    private const string Common = """
import copy, json, math, os, signal, sys, time

MBPP_OUTPUT_NOT_NONE_TASKS = ["check_str", "text_match_three", "text_starta_endb"]
MBPP_OUTPUT_SET_EQ_TASKS = ["similar_elements", "find_char_long", "common_in_nested_lists", "extract_singly",
                            "larg_nnum", "intersection_array", "find_dissimilar", "Diff"]

def mbpp_deserialize_inputs(task_id, inputs):
    n = int(task_id.split("/")[-1])
    if n in [2, 116, 132, 143, 222, 261, 273, 394, 399, 421, 424, 429, 470, 560, 579, 596, 616, 630, 726, 740, 744, 809]:
        return [[tuple(lst) for lst in inp] for inp in inputs]
    if n in [63, 64, 70, 94, 120, 237, 272, 299, 400, 409, 417, 438, 473, 614, 780]:
        return [[[tuple(lst) for lst in lst_lst] for lst_lst in inp] for inp in inputs]
    if n in [75, 413, 444, 753]:
        return [[[tuple(lst) for lst in inp[0]]] + [inp[1]] for inp in inputs]
    if n in (106, 750):
        return [[inp[0]] + [tuple(inp[1])] for inp in inputs]
    if n == 115:
        return [[[set(item) if isinstance(item, list) and len(item) else {} for item in inp[0]]] for inp in inputs]
    if n == 124:
        return [(float(inp[0]), complex(inp[1])) for inp in inputs]
    if n in [250, 405, 446, 617, 720, 763, 808]:
        return [[tuple(inp[0])] + [inp[1]] for inp in inputs]
    if n in [259, 401, 445]:
        modified = [[[tuple(lst) for lst in lst_lst] for lst_lst in inp] for inp in inputs]
        return [[tuple(lst) for lst in inp] for inp in modified]
    if n == 278:
        modified = [[[tuple(item) if isinstance(item, list) else item for item in inp[0]]] for inp in inputs]
        return [[tuple(lst) for lst in inp] for inp in modified]
    if n == 307:
        return [[tuple(inp[0])] + [inp[1], inp[2]] for inp in inputs]
    if n == 722:
        return [[{key: tuple(value) for key, value in inp[0].items()}] + inp[1:] for inp in inputs]
    if n == 252:
        return [[complex(inp[0])] for inp in inputs]
    if n in [580, 615, 791]:
        def to_tuple(value):
            return tuple(to_tuple(item) for item in value) if isinstance(value, list) else value
        return [to_tuple(inp) for inp in inputs]
    return inputs

def load_problem(request):
    problem = request["problem"]
    base, plus = problem["base_input"], problem["plus_input"]
    if request["dataset"] == "mbpp":
        base = mbpp_deserialize_inputs(problem["task_id"], base)
        plus = mbpp_deserialize_inputs(problem["task_id"], plus)
    return problem, base, plus

class Discard:
    def write(self, *args, **kwargs): return 0
    def writelines(self, *args, **kwargs): pass
    def flush(self): pass
    def isatty(self): return False
    def readable(self): return False
    def read(self, *args, **kwargs): raise IOError
    def readline(self, *args, **kwargs): raise IOError
    def readlines(self, *args, **kwargs): raise IOError

class swallow_io:
    def __enter__(self):
        self.saved = sys.stdout, sys.stderr, sys.stdin
        sys.stdout = sys.stderr = sys.stdin = Discard()
    def __exit__(self, *exc):
        sys.stdout, sys.stderr, sys.stdin = self.saved
        return False

class TimeoutException(Exception):
    pass

class time_limit:
    def __init__(self, seconds): self.seconds = seconds
    def __enter__(self):
        def handler(signum, frame):
            raise TimeoutException("Timed out!")
        signal.signal(signal.SIGALRM, handler)
        signal.setitimer(signal.ITIMER_REAL, self.seconds)
    def __exit__(self, *exc):
        signal.setitimer(signal.ITIMER_REAL, 0)
        return False

# The verdict goes to a private copy of stdout; fd 1 itself now leads nowhere, so the candidate cannot
# interleave its own output with it.
_verdict_fd = os.dup(1)
_devnull = os.open(os.devnull, os.O_WRONLY)
os.dup2(_devnull, 1)
def emit(prefix, nonce, payload):
    os.write(_verdict_fd, (prefix + nonce + " " + payload + "\n").encode())
""";

    /// <summary>
    /// Runs the candidate on the base inputs, then the plus inputs, printing a verdict after each phase. For every
    /// input the canonical solution runs first (on a deep copy, timed: EvalPlus's trusted_exec), giving the expected
    /// output and the reference time that sets the candidate's limit. Interleaving keeps huge expected outputs
    /// (HumanEval/15 produces ~150 MB) inside the sandbox and lets fast_check stop at the first failure.
    /// </summary>
    public const string Check = Common + """

def _surface_Area(base_edge, height):
    slant_height = math.sqrt((base_edge / 2) ** 2 + height ** 2)
    return round(base_edge ** 2 + 4 * (base_edge * slant_height) / 2)

def _digit_distance_nums(num1, num2):
    a, b = str(num1), str(num2)
    width = max(len(a), len(b))
    a, b = a.zfill(width), b.zfill(width)
    return sum(abs(int(x) - int(y)) for x, y in zip(a, b))

def _poly(xs, x):
    return sum(coeff * math.pow(x, i) for i, coeff in enumerate(xs))

try:
    import numpy as np
except BaseException:
    np = None

def is_floats(x):
    if isinstance(x, float):
        return True
    if isinstance(x, (list, tuple)) and x:
        return all(isinstance(i, float) for i in x)
    if np is not None and isinstance(x, np.ndarray):
        return x.dtype == np.float64 or x.dtype == np.float32
    return False

def _close_scalar(a, b, rtol, atol):
    if isinstance(a, (str, bytes)) or isinstance(b, (str, bytes)):
        raise TypeError("not numeric")
    if math.isinf(a) or math.isinf(b):
        return a == b
    return abs(a - b) <= atol + rtol * abs(b)

def allclose(out, exp, rtol, atol):
    if np is not None:
        return bool(np.allclose(out, exp, rtol=rtol, atol=atol))
    if isinstance(out, (list, tuple)) or isinstance(exp, (list, tuple)):
        out_seq = out if isinstance(out, (list, tuple)) else [out] * len(exp)
        exp_seq = exp if isinstance(exp, (list, tuple)) else [exp] * len(out)
        if len(out_seq) != len(exp_seq) and 1 not in (len(out_seq), len(exp_seq)):
            raise ValueError("shapes do not broadcast")
        width = max(len(out_seq), len(exp_seq))
        out_seq = out_seq * width if len(out_seq) == 1 else out_seq
        exp_seq = exp_seq * width if len(exp_seq) == 1 else exp_seq
        return all(allclose(o, e, rtol, atol) for o, e in zip(out_seq, exp_seq))
    return _close_scalar(out, exp, rtol, atol)

def check_output(inp, out, exp, atol, dataset, entry_point):
    exact_match = out == exp
    if dataset == "mbpp":
        if entry_point == "are_equivalent":
            exact_match = exact_match or True
        elif entry_point == "sum_div":
            exact_match = exact_match or out == 0
        elif entry_point == "surface_Area":
            exact_match = exact_match or abs(out - _surface_Area(*inp)) <= atol
        elif entry_point == "digit_distance_nums":
            exact_match = exact_match or out == _digit_distance_nums(*inp)
        elif entry_point in MBPP_OUTPUT_SET_EQ_TASKS:
            exact_match = set(out) == set(exp)
        elif entry_point in MBPP_OUTPUT_NOT_NONE_TASKS:
            if isinstance(out, bool):
                exact_match = out == exp
            else:
                exact_match = exp == (out is not None)
    if dataset == "humaneval" and entry_point == "find_zero":
        return abs(_poly(*inp, out)) <= atol
    if atol == 0 and is_floats(exp):
        atol = 1e-6
    if not exact_match and atol != 0:
        if type(out) is not type(exp):
            return False
        if isinstance(exp, (list, tuple)) and len(out) != len(exp):
            return False
        return allclose(out, exp, 1e-07, atol)
    return exact_match

request = json.loads(sys.stdin.read())
nonce = request.pop("nonce")
problem, base, plus = load_problem(request)
dataset, entry_point, atol = request["dataset"], problem["entry_point"], problem["atol"]
fast_check, min_time_limit, factor, per_task = request["fast_check"], request["min_time_limit"], request["factor"], request["timeout_per_task"]
not_none = dataset == "mbpp" and entry_point in MBPP_OUTPUT_NOT_NONE_TASKS
code = request.pop("candidate")
try:
    truth_globals = {}
    with swallow_io():
        exec(problem["prompt"] + "\n" + problem["canonical_solution"], truth_globals)
    truth = truth_globals[entry_point]
except BaseException as error:
    emit("EVALPLUS-RESULT ", nonce, json.dumps({"phase": "canonical", "status": "error", "error": repr(error)}))
    sys.exit(3)

def expected_output(inp):
    inp = copy.deepcopy(inp)
    with swallow_io():
        start = time.time()
        value = truth(*inp)
        elapsed = time.time() - start
    return (value is not None if not_none else value), elapsed

def run_phase(name, inputs):
    details, reference_times, status, error = [], [], "fail", None
    try:
        exec_globals = {}
        with swallow_io():
            exec(code, exec_globals)
            fn = exec_globals[entry_point]
        spent = budget = 0.0
        for inp in inputs:
            exp, reference = expected_output(inp)
            reference_times.append(reference)
            limit = max(min_time_limit, factor * reference)
            start = time.time()
            try:
                with time_limit(limit):
                    with swallow_io():
                        out = fn(*inp)
                ok = bool(check_output(inp, out, exp, atol, dataset, entry_point))
            except BaseException:
                ok = False
            spent += time.time() - start
            budget += limit
            details.append(ok)
            if spent > min(per_task, budget) + 2:
                status = "timeout"
                break
            if fast_check and not ok:
                break
        if len(details) == len(inputs) and all(details):
            status = "pass"
    except BaseException as failure:
        status, error = "fail", repr(failure)[:500]
    emit("EVALPLUS-RESULT ", nonce, json.dumps({"phase": name, "status": status, "details": details, "reference_times": reference_times, "error": error}))
    return status

if run_phase("base", base) == "pass" or not fast_check:
    run_phase("plus", plus)
else:
    emit("EVALPLUS-RESULT ", nonce, json.dumps({"phase": "plus", "status": "fail", "details": [], "reference_times": []}))
""";
}
