// Believable demo values: Indian names and places in English and Hindi, LGD-style codes, and identifiers that
// are valid or deliberately wrong (Aadhaar with a bad Verhoeff digit, PAN with an impossible holder type,
// IFSC of a bank that does not exist). Deterministic for a given random generator. Not thread-safe per
// generator.
#pragma once

#include <random>
#include <string>
#include <vector>

#include "catalogue/service_definition.h"

namespace jaanch::hub::demo {

struct Place {
    std::string code;
    std::string name_en;
    std::string name_hi;
};

struct SubDistrict {
    Place place;
    std::string area;             // "rural" or "urban"
    std::vector<Place> villages;  // villages or wards
    std::string pincode;
};

struct StateGeography {
    std::string iso;  // "RJ"
    Place state;
    Place district;
    std::vector<SubDistrict> subdistricts;
};

// The demo district of a state (ISO code of the service definitions); a generic one for unknown states.
const StateGeography& geography(const std::string& iso);

struct Person {
    std::string en;
    std::string hi;
    char gender;  // 'F' or 'M'
};

class ValueMaker {
  public:
    explicit ValueMaker(std::uint32_t seed) : rng_(seed) {}

    Person person();
    std::string surname_en(const Person& p) const;
    // A value of `field`'s type in canonical text form; `context` names the applicant for name-like fields.
    std::string value(const catalogue::FieldDefinition& field, const Person& applicant,
                      const SubDistrict& where, const Place& village);
    std::string aadhaar(bool valid);
    std::string pan(const Person& p, bool valid);
    std::string ifsc(bool valid);
    std::string digits(int n, bool nonzero_first = true);
    int between(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng_); }
    bool chance(double p) { return std::uniform_real_distribution<double>(0, 1)(rng_) < p; }
    template <class T>
    const T& pick(const std::vector<T>& v) {
        return v[static_cast<std::size_t>(between(0, static_cast<int>(v.size()) - 1))];
    }
    std::mt19937& rng() { return rng_; }

  private:
    std::mt19937 rng_;
};

// Appends the Verhoeff check digit to `digits`.
std::string with_verhoeff(const std::string& digits);
bool verhoeff_valid(const std::string& number);

}  // namespace jaanch::hub::demo
