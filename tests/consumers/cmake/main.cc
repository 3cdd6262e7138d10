// Validates one good and one bad French postal code with the installed core.
#include <btalk/facade.h>

#include <iostream>

int main() {
  const char* constraints = R"({"pc": {"usage": "mandatory", "defaultLabel": "Postal code",
    "valueType": "freestring", "minLength": 5, "maxLength": 5, "valueRegexp": "^[0-9]{5}$", "position": 1}})";
  std::cout << "version: " << btalk::core_version() << "\n";
  std::cout << "good: " << btalk::validate_address_json(constraints, R"({"pc": "75001"})", "{}") << "\n";
  std::cout << "bad: " << btalk::validate_address_json(constraints, R"({"pc": "7500A"})", "{}") << "\n";
  return 0;
}
