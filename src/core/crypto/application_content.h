// What a decision binds of the application it was made on (docs/signatures.md § content binding): the
// application's canonical content, its SHA-256, one digest per value so a verifier can name what changed,
// and the documents by SHA-256 with the pages the officer had on screen.
//
// The content is the JSON object
//   {"application": NUMBER, "service_id": ID, "service_version": N, "jurisdiction": {...},
//    "fields": {KEY: VALUE, ...}, "tables": {NAME: [{COLUMN: VALUE, ...}, ...], ...}}
// in the model's JSON forms, and content_sha256 is the SHA-256 of its RFC 8785 (JCS) bytes. The workflow
// state (status, level, version, history) is not content: decisions change it, and the decision names the
// version itself. Documents are bound one by one in Decision::documents.
//
// Digests: for each path ("service", "jurisdiction", "fields.KEY", "tables.NAME[i].COLUMN") the SHA-256 of
// the JCS bytes of its value. A value with twelve or more digits (an Aadhaar or bank account number, alone or
// inside text) is digested with every digit but its last four replaced by "X": a digest of the number itself
// could be reversed by trying every number, and content_sha256 still binds it exactly.
//
// Pure functions over their arguments; thread-safe. Errors: InputError when a value cannot be canonicalised
// (invalid UTF-8).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "model/application.h"
#include "model/decision.h"
#include "util/json_reader.h"

namespace jaanch::crypto {

json::Json application_content(const model::Application& app);
std::string content_sha256(const model::Application& app);
std::map<std::string, std::string> content_digests(const model::Application& app);

// Fills the format-2 binding of `decision` from the application as the officer had it: content hash and
// digests, and one DocumentReview per document (pages from `pages`, by document id: opened and total).
struct PagesOpened {
    std::uint32_t opened = 0;
    std::uint32_t total = 0;
};
void bind_content(model::Decision& decision, const model::Application& app,
                  const std::map<std::string, PagesOpened>& pages);

// How an application (and, when known, its documents' bytes) compares with what a format-2 decision bound.
struct ContentDifference {
    std::string path;    // "fields.income", "documents.caste_proof", "tables.members[1].name" …
    std::string change;  // "changed", "added", "removed"
};
struct ContentComparison {
    bool content_matches = false;  // content_sha256 equals
    bool documents_match = false;  // every bound document is there with the same SHA-256, and no other
    std::vector<ContentDifference> differences;
    // The content hash differs but no digest names the value: an identifier digested in its masked form.
    bool unnamed_difference = false;
    bool matches() const { return content_matches && documents_match; }
};
// `document_bytes_sha256`: the SHA-256 of the bytes actually held for a document id, when the verifier has
// them (they are compared as well as the application's own DocumentRef::sha256).
ContentComparison compare_content(const model::Decision& decision, const model::Application& app,
                                  const std::map<std::string, std::string>& document_bytes_sha256 = {});

// One line per difference, for people: "fields.income changed; documents.caste_proof changed".
std::string describe(const ContentComparison& comparison);

}  // namespace jaanch::crypto
