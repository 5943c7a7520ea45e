// Aadhaar numbers are never shown in full by default: `XXXX-XXXX-1234` everywhere (queue, form, exports,
// logs, CLI). Revealing the full number is an explicit, logged action of the workstation, not something done
// here.
//
// Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace jaanch::checks {

// "XXXX-XXXX-1234" for an Aadhaar number in any common spelling (digits, 4-4-4 groups with spaces or
// hyphens). Only the last four digits survive; input with fewer than four digits gives "XXXX-XXXX-XXXX".
std::string mask_aadhaar(std::string_view number);

// Masks every Aadhaar-shaped number in free text: 12 digits written together or in 4-4-4 groups separated by
// one space or hyphen, not touching other digits, starting 2–9 and Verhoeff-valid. Everything else is kept
// byte for byte, so other 12-digit numbers (bank accounts, application numbers) usually survive. For logs and
// CLI output; fields known to hold an Aadhaar number are masked with mask_aadhaar whatever their validity.
std::string redact_aadhaar_numbers(std::string_view text);

}  // namespace jaanch::checks
