#!/usr/bin/env python3
"""Generates the synthetic project that bench/build_bench.sh builds, and the
hand-rolled ninja files that build the same project without sls.

    make_project.py --functions N --project DIR --share SHARE_DIR --baseline DIR [--ccache]

DIR (the project) gets sls.toml, api/fn_NNN.cpp and lib/ modules. The output is
deterministic: the same N gives byte-identical files (no clock, no randomness
that is not seeded by the function's index).

Shared code is used unevenly, as in a real project:
  lib/common.hpp    every function          (string helpers; lib/common.cpp)
  lib/json.hpp      every other function    (a small JSON writer; lib/json.cpp)
  lib/text.hpp      every third function    (words, slugs; lib/text.cpp) <- the "header edit"
  lib/paging.hpp    every fourth function   (header-only template)
  lib/validate.hpp  every fifth function    (field checks; lib/validate.cpp)

The baseline folder gets build.ninja (plain clang++-19) and, with --ccache,
build-ccache.ninja (the same commands through ccache, writing to out-ccache/).
Both mirror bundler/project/toolchain.cpp: the flags of frontend_command for -O2
native code, the runtime glue compiled once without the project's include
paths, a deterministic llvm-ar archive of lib/ objects, link_command's link
(lld, static libstdc++/libgcc, gc-sections, no build id, stripped), then one
zip per function holding its `bootstrap`.
"""

import argparse
import os
import random
import sys

# ---------------------------------------------------------------- lib/ sources

LIB_FILES = {
    "common.hpp": r'''#pragma once
// Helpers every function uses.
#include <string>
#include <string_view>
#include <vector>

namespace bench {

std::string trim(std::string_view text);
std::vector<std::string> split(std::string_view text, char separator);
std::string json_escape(std::string_view text);
int to_int(std::string_view text, int fallback);

template <typename Range>
std::string join(const Range& parts, std::string_view separator) {
  std::string out;
  bool first = true;
  for (const auto& part : parts) {
    if (!first) out += separator;
    out += part;
    first = false;
  }
  return out;
}

}  // namespace bench
''',
    "common.cpp": r'''#include "common.hpp"

#include <cctype>
#include <charconv>

namespace bench {

std::string trim(std::string_view text) {
  std::size_t begin = 0;
  std::size_t end = text.size();
  while (begin < end && std::isspace(static_cast<unsigned char>(text[begin]))) ++begin;
  while (end > begin && std::isspace(static_cast<unsigned char>(text[end - 1]))) --end;
  return std::string(text.substr(begin, end - begin));
}

std::vector<std::string> split(std::string_view text, char separator) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t next = text.find(separator, start);
    if (next == std::string_view::npos) next = text.size();
    std::string part = trim(text.substr(start, next - start));
    if (!part.empty()) parts.push_back(std::move(part));
    start = next + 1;
  }
  return parts;
}

std::string json_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 2);
  for (char c : text) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          static const char* digits = "0123456789abcdef";
          out += "\\u00";
          out += digits[(c >> 4) & 0xf];
          out += digits[c & 0xf];
        } else {
          out += c;
        }
    }
  }
  return out;
}

int to_int(std::string_view text, int fallback) {
  int value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  return error == std::errc() && end == text.data() + text.size() ? value : fallback;
}

}  // namespace bench
''',
    "json.hpp": r'''#pragma once
// A small JSON writer: enough for API responses.
#include <string>
#include <string_view>
#include <vector>

namespace bench {

class JsonWriter {
 public:
  JsonWriter& begin_object();
  JsonWriter& end_object();
  JsonWriter& begin_array();
  JsonWriter& end_array();
  JsonWriter& key(std::string_view name);
  JsonWriter& value(std::string_view text);
  JsonWriter& value(const char* text) { return value(std::string_view(text)); }
  JsonWriter& value(long long number);
  JsonWriter& value(int number) { return value(static_cast<long long>(number)); }
  JsonWriter& value(double number);
  JsonWriter& value(bool flag);
  const std::string& str() const { return m_out; }

 private:
  void separate();
  std::string m_out;
  std::vector<bool> m_first;  // one per open container
  bool m_after_key = false;
};

}  // namespace bench
''',
    "json.cpp": r'''#include "json.hpp"

#include <cstdio>

#include "common.hpp"

namespace bench {

void JsonWriter::separate() {
  if (m_after_key) {
    m_after_key = false;
    return;
  }
  if (!m_first.empty()) {
    if (!m_first.back()) m_out += ',';
    m_first.back() = false;
  }
}

JsonWriter& JsonWriter::begin_object() {
  separate();
  m_out += '{';
  m_first.push_back(true);
  return *this;
}

JsonWriter& JsonWriter::end_object() {
  m_out += '}';
  m_first.pop_back();
  return *this;
}

JsonWriter& JsonWriter::begin_array() {
  separate();
  m_out += '[';
  m_first.push_back(true);
  return *this;
}

JsonWriter& JsonWriter::end_array() {
  m_out += ']';
  m_first.pop_back();
  return *this;
}

JsonWriter& JsonWriter::key(std::string_view name) {
  separate();
  m_out += '"' + json_escape(name) + "\":";
  m_after_key = true;
  return *this;
}

JsonWriter& JsonWriter::value(std::string_view text) {
  separate();
  m_out += '"' + json_escape(text) + '"';
  return *this;
}

JsonWriter& JsonWriter::value(long long number) {
  separate();
  m_out += std::to_string(number);
  return *this;
}

JsonWriter& JsonWriter::value(double number) {
  separate();
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.6g", number);
  m_out += buffer;
  return *this;
}

JsonWriter& JsonWriter::value(bool flag) {
  separate();
  m_out += flag ? "true" : "false";
  return *this;
}

}  // namespace bench
''',
    "text.hpp": r'''#pragma once
// Word and slug helpers.
#include <algorithm>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace bench {

// bench/build_bench.sh changes this value for its "shared header edited" case.
inline constexpr int k_text_revision = 0;

std::string to_lower(std::string_view text);
std::string slugify(std::string_view text);
std::map<std::string, int> word_counts(std::string_view text);

// The n most frequent entries, most frequent first, ties by name.
template <typename Map>
std::vector<std::pair<std::string, int>> top_n(const Map& counts, std::size_t n) {
  std::vector<std::pair<std::string, int>> entries(counts.begin(), counts.end());
  std::sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  });
  if (entries.size() > n) entries.resize(n);
  return entries;
}

}  // namespace bench
''',
    "text.cpp": r'''#include "text.hpp"

#include <cctype>

namespace bench {

std::string to_lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

std::string slugify(std::string_view text) {
  std::string out;
  bool dash = false;
  for (unsigned char c : text) {
    if (std::isalnum(c)) {
      out += static_cast<char>(std::tolower(c));
      dash = false;
    } else if (!dash && !out.empty()) {
      out += '-';
      dash = true;
    }
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

std::map<std::string, int> word_counts(std::string_view text) {
  std::map<std::string, int> counts;
  std::string word;
  for (unsigned char c : text) {
    if (std::isalpha(c)) {
      word += static_cast<char>(std::tolower(c));
    } else if (!word.empty()) {
      ++counts[word];
      word.clear();
    }
  }
  if (!word.empty()) ++counts[word];
  return counts;
}

}  // namespace bench
''',
    "paging.hpp": r'''#pragma once
// Header-only pagination.
#include <algorithm>
#include <cstddef>
#include <numeric>
#include <vector>

namespace bench {

template <typename T>
struct Page {
  std::vector<T> items;
  std::size_t page = 1;
  std::size_t pages = 1;
  std::size_t total = 0;
};

template <typename T>
Page<T> paginate(const std::vector<T>& all, int page, int size) {
  Page<T> result;
  std::size_t per_page = size > 0 ? static_cast<std::size_t>(size) : 10;
  result.total = all.size();
  result.pages = std::max<std::size_t>(1, (all.size() + per_page - 1) / per_page);
  result.page = std::clamp<std::size_t>(page > 0 ? static_cast<std::size_t>(page) : 1, 1, result.pages);
  std::size_t begin = (result.page - 1) * per_page;
  std::size_t end = std::min(all.size(), begin + per_page);
  if (begin < end) result.items.assign(all.begin() + static_cast<std::ptrdiff_t>(begin), all.begin() + static_cast<std::ptrdiff_t>(end));
  return result;
}

template <typename T, typename Key>
double average_of(const std::vector<T>& items, Key key) {
  if (items.empty()) return 0.0;
  double sum = std::accumulate(items.begin(), items.end(), 0.0, [&](double acc, const T& item) { return acc + key(item); });
  return sum / static_cast<double>(items.size());
}

}  // namespace bench
''',
    "validate.hpp": r'''#pragma once
// Request field checks.
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace bench {

struct FieldError {
  std::string field;
  std::string message;
};

bool looks_like_email(const std::string& text);
std::vector<FieldError> require_fields(const std::map<std::string, std::string>& fields,
                                       const std::vector<std::string>& required);
std::optional<int> bounded(const std::string& text, int low, int high);

}  // namespace bench
''',
    "validate.cpp": r'''#include "validate.hpp"

#include "common.hpp"

namespace bench {

bool looks_like_email(const std::string& text) {
  auto at = text.find('@');
  return at != std::string::npos && at > 0 && text.find('.', at) != std::string::npos && text.back() != '.';
}

std::vector<FieldError> require_fields(const std::map<std::string, std::string>& fields,
                                       const std::vector<std::string>& required) {
  std::vector<FieldError> errors;
  for (const std::string& name : required) {
    auto found = fields.find(name);
    if (found == fields.end() || trim(found->second).empty()) errors.push_back({name, "is required"});
  }
  return errors;
}

std::optional<int> bounded(const std::string& text, int low, int high) {
  int value = to_int(text, low - 1);
  if (value < low || value > high) return std::nullopt;
  return value;
}

}  // namespace bench
''',
}

LIB_SOURCES = sorted(name for name in LIB_FILES if name.endswith(".cpp"))

# ---------------------------------------------------------- function sources

NOUNS = ["orders", "users", "invoices", "tickets", "events", "products", "reviews", "sessions", "payments",
         "notes", "tasks", "alerts", "metrics", "devices", "shipments", "coupons", "articles", "comments"]
TAGS = ["new", "open", "closed", "urgent", "archived", "draft", "paid", "late", "vip", "trial"]


def uses(index):
    """Which lib/ headers function `index` includes (see the module docstring)."""
    return {
        "common": True,
        "json": index % 2 == 0,
        "text": index % 3 == 0,
        "paging": index % 4 == 1,
        "validate": index % 5 == 0,
    }


def function_name(index):
    return f"fn_{index:03d}"


def function_source(index):
    rng = random.Random(1000 + index)
    use = uses(index)
    noun = NOUNS[index % len(NOUNS)]
    tags = rng.sample(TAGS, 4)
    count = rng.randint(12, 40)
    weight = rng.randint(3, 17)
    threshold = rng.randint(10, 90)
    order = rng.choice(["score", "name", "tag"])

    includes = ["#include <sls/function.hpp>", "", "#include <algorithm>", "#include <map>", "#include <string>",
                "#include <vector>", ""]
    includes.append('#include "common.hpp"')
    for header in ("json", "text", "paging", "validate"):
        if use[header]:
            includes.append(f'#include "{header}.hpp"')

    comparator = {
        "score": "a.score != b.score ? a.score > b.score : a.name < b.name",
        "name": "a.name < b.name",
        "tag": "a.tag != b.tag ? a.tag < b.tag : a.score > b.score",
    }[order]

    lines = [f"// GET /api/{function_name(index)}: {noun}, filtered, sorted and summarised (generated).", *includes, "",
             "namespace {", "",
             f'const char* k_revision = "r0";',
             "",
             "struct Item {",
             "  std::string name;",
             "  std::string tag;",
             "  int score = 0;",
             "};",
             "",
             "std::vector<Item> load_items(int seed) {",
             f"  static const char* tags[] = {{{', '.join(chr(34) + t + chr(34) for t in tags)}}};",
             "  std::vector<Item> items;",
             f"  items.reserve({count});",
             f"  for (int i = 0; i < {count}; ++i) {{",
             f"    int score = (seed * {weight} + i * {weight + 2}) % 100;",
             f'    items.push_back({{"{noun[:-1]}-" + std::to_string(i), tags[(i + seed) % 4], score}});',
             "  }",
             "  return items;",
             "}",
             "",
             "std::vector<Item> select(std::vector<Item> items, const std::string& tag, int min_score) {",
             "  items.erase(std::remove_if(items.begin(), items.end(),",
             "                             [&](const Item& item) { return (!tag.empty() && item.tag != tag) || item.score < min_score; }),",
             "              items.end());",
             f"  std::sort(items.begin(), items.end(), [](const Item& a, const Item& b) {{ return {comparator}; }});",
             "  return items;",
             "}",
             "",
             "std::map<std::string, int> totals_by_tag(const std::vector<Item>& items) {",
             "  std::map<std::string, int> totals;",
             "  for (const Item& item : items) totals[item.tag] += item.score;",
             "  return totals;",
             "}",
             ""]

    if use["json"]:
        lines += ["std::string render(const std::vector<Item>& items, const std::map<std::string, int>& totals,",
                  "                   const std::vector<std::string>& notes) {",
                  "  bench::JsonWriter out;",
                  f'  out.begin_object().key("kind").value("{noun}").key("revision").value(k_revision);',
                  '  out.key("items").begin_array();',
                  "  for (const Item& item : items) {",
                  '    out.begin_object().key("name").value(item.name).key("tag").value(item.tag);',
                  f'    out.key("score").value(item.score).key("hot").value(item.score > {threshold}).end_object();',
                  "  }",
                  '  out.end_array().key("totals").begin_object();',
                  "  for (const auto& [tag, total] : totals) out.key(tag).value(total);",
                  '  out.end_object().key("notes").begin_array();',
                  "  for (const std::string& note : notes) out.value(note);",
                  "  out.end_array().end_object();",
                  "  return out.str();",
                  "}"]
    else:
        lines += ["std::string render(const std::vector<Item>& items, const std::map<std::string, int>& totals,",
                  "                   const std::vector<std::string>& notes) {",
                  f'  std::string out = R"({{"kind":"{noun}","revision":")" + std::string(k_revision) + R"(","items":[)";',
                  "  for (std::size_t i = 0; i < items.size(); ++i) {",
                  "    if (i) out += ',';",
                  '    out += R"({"name":")" + bench::json_escape(items[i].name) + R"(","tag":")" + items[i].tag +',
                  f'           R"(","score":)" + std::to_string(items[i].score) + (items[i].score > {threshold} ? R"(,"hot":true}})" : R"(,"hot":false}})");',
                  "  }",
                  '  out += R"(],"totals":{)";',
                  "  std::vector<std::string> parts;",
                  '  for (const auto& [tag, total] : totals) parts.push_back(\'"\' + tag + R"(":)" + std::to_string(total));',
                  '  out += bench::join(parts, ",") + R"(},"notes":[)";',
                  "  std::vector<std::string> quoted;",
                  "  for (const std::string& note : notes) quoted.push_back('\"' + bench::json_escape(note) + '\"');",
                  '  return out + bench::join(quoted, ",") + "]}";',
                  "}"]

    lines += ["", "}  // namespace", "",
              f"sls::Response handle_{function_name(index)}(const sls::Request& req, sls::Context&) {{",
              "  std::vector<std::string> notes;",
              '  int seed = bench::to_int(req.query("seed"), 7);',
              '  int min_score = bench::to_int(req.query("min"), 0);',
              '  std::string tag = bench::trim(req.query("tag"));']
    if use["validate"]:
        lines += ["  std::map<std::string, std::string> fields = {{\"owner\", req.query(\"owner\")}, {\"seed\", req.query(\"seed\")}};",
                  '  for (const bench::FieldError& error : bench::require_fields(fields, {"owner"})) notes.push_back(error.field + " " + error.message);',
                  '  if (!req.query("email").empty() && !bench::looks_like_email(req.query("email"))) {',
                  '    return sls::Response::json(400, R"({"error":"email is not valid"})");',
                  "  }",
                  '  if (auto limit = bench::bounded(req.query("min"), 0, 100)) min_score = *limit;']
    if use["text"]:
        lines += ['  if (!tag.empty()) tag = bench::slugify(tag);',
                  "  for (const auto& [word, n] : bench::top_n(bench::word_counts(req.body()), 3)) {",
                  '    notes.push_back(word + "x" + std::to_string(n));',
                  "  }"]
    lines += ["  std::vector<Item> items = select(load_items(seed), tag, min_score);",
              "  std::map<std::string, int> totals = totals_by_tag(items);"]
    if use["paging"]:
        lines += ['  bench::Page<Item> page = bench::paginate(items, bench::to_int(req.query("page"), 1), 10);',
                  '  notes.push_back("page " + std::to_string(page.page) + "/" + std::to_string(page.pages));',
                  '  notes.push_back("avg " + std::to_string(bench::average_of(page.items, [](const Item& i) { return i.score; })));',
                  "  items = page.items;"]
    for extra in bench_split_notes(index):
        lines.append(extra)
    lines += ["  return sls::Response::json(200, render(items, totals, notes));",
              "}",
              f"SLS_HANDLER(handle_{function_name(index)})", ""]
    return "\n".join(lines)


def bench_split_notes(index):
    if index % 2:
        return ['  for (const std::string& field : bench::split(req.query("fields"), \',\')) notes.push_back("field:" + field);']
    return ['  if (!req.header("x-trace").empty()) notes.push_back("trace " + req.header("x-trace"));']


# -------------------------------------------------------------- ninja files

def ninja_escape(text):
    """For a variable's value: only $ is special there."""
    return text.replace("$", "$$")


def shell_quote(text):
    return "'" + text.replace("'", "'\\''") + "'"


def write_ninja(path, project, share, out_dir, functions, launcher, zip_tool):
    sdk = os.path.join(share, "sdk", "include")
    runtime = os.path.join(share, "runtime")
    glue = []
    for folder in ("common", "native"):
        for name in sorted(os.listdir(os.path.join(runtime, folder))):
            if name.endswith(".cpp"):
                glue.append((folder, name))
    prefix = f"{launcher} " if launcher else ""
    common_flags = ("--target=x86_64-linux-gnu -std=c++20 -O2 -ffunction-sections -fdata-sections "
                    "-fdiagnostics-color=never")
    if zip_tool == "zip":
        zip_command = "rm -f $out && zip -X -q -j $out $in"
    else:
        zip_command = "rm -f $out && python3 -m zipfile -c $out $in"
    text = f"""# Generated by bench/make_project.py: the hand-rolled baseline for bench/build_bench.sh.
# Same compiler flags as sls (bundler/project/toolchain.cpp), no lint, no sls.json.
ninja_required_version = 1.5
builddir = {out_dir}
cxx = {prefix}clang++-19
common = {common_flags} -ffile-prefix-map={share}=/sls -fdebug-compilation-dir=. -isystem {sdk}
project = -ffile-prefix-map={project}=. -I {project}/lib -iquote {project}

rule cxx
  command = $cxx $common $flags -c $in -o $out -MD -MF $out.d
  depfile = $out.d
  deps = gcc
  description = compile $in

rule ar
  command = rm -f $out && llvm-ar-19 rcsD $out $in
  description = archive $out

rule link
  command = clang++-19 --target=x86_64-linux-gnu -fuse-ld=lld -static-libstdc++ -static-libgcc -Wl,--gc-sections -Wl,--build-id=none -s $in -o $out
  description = link $out

rule zip
  command = {zip_command}
  description = zip $out

"""
    glue_objects = []
    for folder, name in glue:
        obj = f"{out_dir}/glue/{folder}/{name}.o"
        glue_objects.append(obj)
        text += f"build {obj}: cxx {runtime}/{folder}/{name}\n"
    lib_objects = []
    for name in LIB_SOURCES:
        obj = f"{out_dir}/lib/{name}.o"
        lib_objects.append(obj)
        text += f"build {obj}: cxx lib/{name}\n  flags = $project\n"
    text += f"build {out_dir}/liblib.a: ar {' '.join(lib_objects)}\n\n"
    zips = []
    for fn in functions:
        obj = f"{out_dir}/api/{fn}.o"
        exe = f"{out_dir}/bin/{fn}/bootstrap"
        archive = f"{out_dir}/zip/{fn}.zip"
        zips.append(archive)
        defines = (shell_quote(f'-DSLS_FUNCTION_NAME="api/{fn}"') + " " +
                   shell_quote(f'-DSLS_FUNCTION_ROUTE="/api/{fn}"'))
        text += f"build {obj}: cxx api/{fn}.cpp\n  flags = $project {ninja_escape(defines)}\n"
        text += f"build {exe}: link {obj} {out_dir}/liblib.a {' '.join(glue_objects)}\n"
        text += f"build {archive}: zip {exe}\n"
    text += f"\nbuild all: phony {' '.join(zips)}\ndefault all\n"
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


# -------------------------------------------------------------------- main

def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--functions", type=int, default=50)
    parser.add_argument("--project", required=True)
    parser.add_argument("--share", required=True, help="sls's share dir (SDK headers, runtime glue)")
    parser.add_argument("--baseline", required=True, help="where the ninja files and their outputs go")
    parser.add_argument("--ccache", action="store_true", help="also write build-ccache.ninja")
    parser.add_argument("--zip-tool", choices=["zip", "python"], default="zip")
    args = parser.parse_args()
    if args.functions < 1:
        sys.exit("make_project.py: --functions must be at least 1")

    project = os.path.abspath(args.project)
    share = os.path.abspath(args.share)
    baseline = os.path.abspath(args.baseline)
    os.makedirs(os.path.join(project, "api"), exist_ok=True)
    os.makedirs(os.path.join(project, "lib"), exist_ok=True)
    os.makedirs(baseline, exist_ok=True)
    with open(os.path.join(project, "sls.toml"), "w", encoding="utf-8") as f:
        f.write('# Generated by bench/make_project.py.\n[project]\nname = "bench"\nregions = ["iad1"]\n\n'
                '[build]\ntarget = "native"\noptimize = "speed"\n')
    for name, body in LIB_FILES.items():
        with open(os.path.join(project, "lib", name), "w", encoding="utf-8") as f:
            f.write(body)
    functions = [function_name(i) for i in range(args.functions)]
    for i, fn in enumerate(functions):
        with open(os.path.join(project, "api", fn + ".cpp"), "w", encoding="utf-8") as f:
            f.write(function_source(i))
    write_ninja(os.path.join(baseline, "build.ninja"), project, share, os.path.join(baseline, "out"), functions,
                "", args.zip_tool)
    if args.ccache:
        write_ninja(os.path.join(baseline, "build-ccache.ninja"), project, share,
                    os.path.join(baseline, "out-ccache"), functions, "ccache", args.zip_tool)


if __name__ == "__main__":
    main()
