#include "btalk/compiled_constraints.h"

#include <algorithm>
#include <utility>

#include "btalk/json_util.h"
#include "btalk/small_sort.h"

namespace btalk {

// One node per parent path: the lists stored for each level at this path,
// and the children by (trimmed) parent value.
struct CompiledConstraints::AreaNode {
  std::array<std::optional<std::vector<std::string>>, kGeoLevels> lists;  // trimmed, sorted, unique
  std::map<std::string, std::unique_ptr<AreaNode>, std::less<>> children;
};

namespace {

// Patterns whose mismatch hint (FormatExample) is worked out at compile time;
// larger or further ones are worked out on each mismatch, as ValidateAddress
// does, so compiling a hostile document costs at most this many more.
constexpr std::size_t kMaxPrecomputedExamples = 64;
constexpr std::size_t kMaxPrecomputedProgram = 1000;

bool SortedContains(const std::vector<std::string>& sorted, std::string_view value) {
  auto it = std::lower_bound(sorted.begin(), sorted.end(), value,
                             [](const std::string& a, std::string_view b) { return std::string_view(a) < b; });
  return it != sorted.end() && *it == value;
}

}  // namespace

// The stored lists, with per-call ValidationOptions::area_values taking
// precedence for the levels they supply.
class CompiledConstraints::StoredAreas final : public AreaSource {
 public:
  StoredAreas(const AreaNode* root, const ValidationOptions* options) : root_(root), options_(options) {}

  bool Contains(int level, const std::string_view* parents, std::size_t parent_count, std::string_view value,
                bool* checked) const override {
    if (options_ != nullptr && options_->area_values[level]) {
      return OptionAreaSource(*options_).Contains(level, parents, parent_count, value, checked);
    }
    *checked = false;
    const AreaNode* node = root_;
    for (std::size_t i = 0; node != nullptr && i < parent_count; ++i) {
      auto it = node->children.find(parents[i]);
      node = it == node->children.end() ? nullptr : it->second.get();
    }
    if (node == nullptr || !node->lists[level]) return false;
    *checked = true;
    return SortedContains(*node->lists[level], value);
  }

 private:
  const AreaNode* root_;
  const ValidationOptions* options_;
};

CompiledConstraints::CompiledConstraints(AddressConstraints constraints, std::optional<GeographicalConstraints> geo_doc)
    : constraints_(std::move(constraints)), geo_(std::move(geo_doc)) {
  form_ = BuildFormModel(constraints_, geo());
  check_.constraints = &constraints_;
  check_.geo = geo();
  PrepareFieldCheck(check_);
  sorted_names_.reserve(constraints_.elements.size());
  for (const ElementConstraint& element : constraints_.elements) sorted_names_.push_back(element.name);
  SmallSort(sorted_names_);
  sorted_values_.resize(constraints_.elements.size());
  for (std::size_t i = 0; i < constraints_.elements.size(); ++i) {
    for (const PossibleValue& possible : constraints_.elements[i].possible_values) {
      sorted_values_[i].push_back(TrimUnicode(possible.value));
    }
    SmallSort(sorted_values_[i]);
  }
  check_.sorted_values = &sorted_values_;
  std::size_t precomputed = 0;
  for (ElementConstraint& element : constraints_.elements) {
    if (precomputed == kMaxPrecomputedExamples) break;
    if (!element.regex || element.error || element.regex->program_size() > kMaxPrecomputedProgram) continue;
    // One parse and the element's compiled regex serve the hint and the tree kept for typed-value hints.
    std::optional<RegexAst> tree = ParseRegexAst(element.value_regexp);
    element.example = tree ? FormatExample(*tree, std::string_view(), *element.regex) : PatternExample();
    if (tree && (element.example.empty() || element.example.varies)) {
      element.pattern_tree = std::make_shared<const RegexAst>(std::move(*tree));
    }
    ++precomputed;
  }
}

// The element strings live in the vector's buffer, which a move keeps, so
// sorted_names_ stays valid; only the pointers to members are redone.
CompiledConstraints::CompiledConstraints(CompiledConstraints&& other) noexcept
    : constraints_(std::move(other.constraints_)),
      geo_(std::move(other.geo_)),
      form_(std::move(other.form_)),
      check_(other.check_),
      sorted_names_(std::move(other.sorted_names_)),
      sorted_values_(std::move(other.sorted_values_)),
      areas_(std::move(other.areas_)),
      area_value_count_(other.area_value_count_) {
  check_.constraints = &constraints_;
  check_.geo = geo();
  check_.sorted_values = &sorted_values_;
}

CompiledConstraints& CompiledConstraints::operator=(CompiledConstraints&& other) noexcept {
  if (this != &other) {
    constraints_ = std::move(other.constraints_);
    geo_ = std::move(other.geo_);
    form_ = std::move(other.form_);
    check_ = other.check_;
    check_.constraints = &constraints_;
    check_.geo = geo();
    sorted_names_ = std::move(other.sorted_names_);
    sorted_values_ = std::move(other.sorted_values_);
    check_.sorted_values = &sorted_values_;
    areas_ = std::move(other.areas_);
    area_value_count_ = other.area_value_count_;
  }
  return *this;
}

CompiledConstraints::~CompiledConstraints() = default;

std::variant<CompiledConstraints, DocumentError> CompiledConstraints::FromText(std::string_view constraints_json,
                                                                              std::string_view geo_json) {
  std::variant<AddressConstraints, DocumentError> constraints = ParseAddressConstraintsText(constraints_json);
  if (auto* error = std::get_if<DocumentError>(&constraints)) {
    return DocumentError{error->code, "Address constraints: " + error->message};
  }
  std::optional<GeographicalConstraints> geo;
  const std::string_view trimmed = TrimUnicode(geo_json);
  if (!trimmed.empty() && trimmed != "null") {
    std::variant<GeographicalConstraints, DocumentError> parsed = ParseGeographicalConstraintsText(geo_json);
    if (auto* error = std::get_if<DocumentError>(&parsed)) {
      return DocumentError{error->code, "Geographical constraints: " + error->message};
    }
    geo = std::move(std::get<GeographicalConstraints>(parsed));
  }
  return CompiledConstraints(std::move(std::get<AddressConstraints>(constraints)), std::move(geo));
}

std::size_t CompiledConstraints::FieldIndex(std::string_view name) const { return constraints_.IndexOf(name); }

bool CompiledConstraints::SetGeoAreas(int level, const std::vector<std::string>& parents,
                                      const std::vector<std::string>& values) {
  if (level < 1 || level > kGeoLevels || parents.size() > static_cast<std::size_t>(level - 1)) return false;
  if (values.size() > kMaxGeoAreaValues) return false;  // refused before any work
  std::vector<std::string> list;
  list.reserve(values.size());
  for (const std::string& value : values) list.emplace_back(TrimUnicode(value));
  SmallSort(list);
  list.erase(std::unique(list.begin(), list.end()), list.end());
  if (!areas_) areas_ = std::make_unique<AreaNode>();
  AreaNode* node = areas_.get();
  for (const std::string& parent : parents) {
    const std::string_view key = TrimUnicode(parent);
    auto it = node->children.find(key);
    if (it == node->children.end()) {
      it = node->children.emplace(std::string(key), std::make_unique<AreaNode>()).first;
    }
    node = it->second.get();
  }
  std::optional<std::vector<std::string>>& slot = node->lists[level - 1];
  const std::size_t replaced = slot ? slot->size() : 0;
  if (area_value_count_ - replaced + list.size() > kMaxGeoAreaValues) return false;
  area_value_count_ = area_value_count_ - replaced + list.size();
  slot = std::move(list);
  return true;
}

void CompiledConstraints::ClearGeoAreas() {
  areas_.reset();
  area_value_count_ = 0;
}

std::size_t CompiledConstraints::ValidateValues(const FieldValue* values, const FieldValue& dial_zone,
                                                std::vector<std::string_view> unknown, CompactProblems& out,
                                                const ValidationOptions* options) const {
  const std::size_t before = out.problems.size();
  FieldCheck check = check_;
  const StoredAreas areas(areas_.get(), options);
  check.areas = &areas;
  SmallSort(unknown);
  ValidateFields(check, values, dial_zone, unknown.data(), unknown.size(), out);
  return out.problems.size() - before;
}

std::size_t CompiledConstraints::ValidateValues(const FieldValue* values, const FieldValue& dial_zone,
                                                std::vector<std::string_view> unknown,
                                                std::vector<Problem>& problems,
                                                const ValidationOptions* options) const {
  CompactProblems compact;
  ValidateValues(values, dial_zone, std::move(unknown), compact, options);
  ExpandProblems(constraints_, compact, problems);
  return compact.problems.size();
}

std::vector<Problem> CompiledConstraints::Validate(const Address& address, const ValidationOptions& options) const {
  const std::size_t count = field_count();
  std::vector<FieldValue> values(count);
  for (std::size_t i = 0; i < count; ++i) {
    values[i] = FieldValueOf(address, field_name(i));
  }
  const FieldValue dial_zone = FieldValueOf(address, kDialZoneField);
  std::vector<std::string_view> unknown;
  for (const auto& entry : address) {
    const std::string_view name = entry.first;
    if (name == kDialZoneField || std::binary_search(sorted_names_.begin(), sorted_names_.end(), name)) continue;
    unknown.push_back(name);
  }
  std::vector<Problem> problems;
  ValidateValues(values.data(), dial_zone, std::move(unknown), problems, &options);
  return problems;
}

long ValidatePacked(const CompiledConstraints& compiled, std::string_view packed, CompactProblems& out,
                    std::vector<std::uint32_t>& records, const ValidationOptions* options) {
  const std::size_t count = compiled.field_count();
  std::size_t pos = 0;
  // The next '\0'-terminated segment, or false when there is none.
  auto segment = [&](std::string_view& out_text) {
    const std::size_t end = packed.find('\0', pos);
    if (end == std::string_view::npos) return false;
    out_text = packed.substr(pos, end - pos);
    pos = end + 1;
    return true;
  };
  // Typical schemas fit on the stack: no allocation for a valid address.
  FieldValue local[24];
  std::vector<FieldValue> heap(count < 24 ? 0 : count);
  FieldValue* values = count < 24 ? local : heap.data();
  std::vector<std::string_view> unknown;
  std::size_t record = 0;
  while (pos < packed.size()) {
    std::string_view header;
    if (!segment(header) || header.size() < count + 1) return -1;
    std::size_t unknown_count = 0;
    for (std::size_t i = count + 1; i < header.size(); ++i) {
      const char c = header[i];
      if (c < '0' || c > '9' || unknown_count > packed.size()) return -1;
      unknown_count = unknown_count * 10 + static_cast<std::size_t>(c - '0');
    }
    FieldValue dial_zone;
    for (std::size_t i = 0; i <= count; ++i) {
      FieldValue& value = i < count ? values[i] : dial_zone;
      value = FieldValue();
      switch (header[i]) {
        case '0': break;
        case 'x': value.present = true; value.is_text = false; break;
        case 'u': value.bad_input = true; [[fallthrough]];
        case 't':
          value.present = true;
          if (!segment(value.text)) return -1;
          break;
        default: return -1;
      }
    }
    unknown.clear();
    for (std::size_t i = 0; i < unknown_count; ++i) {
      std::string_view name;
      if (!segment(name)) return -1;
      unknown.push_back(name);
    }
    const std::size_t found = compiled.ValidateValues(values, dial_zone, unknown, out, options);
    records.insert(records.end(), found, static_cast<std::uint32_t>(record));
    ++record;
  }
  return static_cast<long>(record);
}

long ValidatePacked(const CompiledConstraints& compiled, std::string_view packed,
                    std::vector<std::pair<std::size_t, std::vector<Problem>>>& invalid,
                    const ValidationOptions* options) {
  CompactProblems compact;
  std::vector<std::uint32_t> records;
  const long read = ValidatePacked(compiled, packed, compact, records, options);
  if (read < 0) return read;
  for (std::size_t i = 0; i < compact.problems.size(); ++i) {
    if (invalid.empty() || invalid.back().first != records[i]) invalid.emplace_back(records[i], std::vector<Problem>());
    invalid.back().second.push_back(ExpandProblem(compiled.constraints(), compact.problems[i], compact.texts));
  }
  return read;
}

NormalizedAddress CompiledConstraints::Normalize(const Address& address) const {
  return NormalizeAddress(constraints_, address);
}

}  // namespace btalk
