#include "util/sha256.hpp"

#include <catch2/catch.hpp>

#include <cstddef>
#include <string>
#include <vector>

using forbear::detail::Sha256;
using forbear::detail::sha256_hex;
using forbear::detail::to_hex;

namespace {

std::string hash_in_pieces(const std::string& message, const std::vector<std::size_t>& piece_sizes) {
  Sha256 hasher;
  std::size_t offset = 0;
  std::size_t turn = 0;
  while (offset < message.size()) {
    const std::size_t size = piece_sizes[turn++ % piece_sizes.size()];
    hasher.update(std::string_view(message).substr(offset, size));
    offset += size;
  }
  return to_hex(hasher.finish());
}

std::string test_message(std::size_t length) {
  std::string message;
  for (std::size_t i = 0; i < length; ++i) message += static_cast<char>((i * 131 + 7) % 256);
  return message;
}

}  // namespace

TEST_CASE("SHA-256 matches the FIPS 180-4 example vectors", "[util][sha256]") {
  CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  CHECK(sha256_hex("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrs"
                   "mnopqrstnopqrstu") ==
        "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
  CHECK(sha256_hex("The quick brown fox jumps over the lazy dog") ==
        "d7a8fbb307d7809469ca9abcb0082e4f8d5651e46d3cdb762d02d0bf37c9e592");
}

TEST_CASE("SHA-256 of one million 'a'", "[util][sha256]") {
  const std::string million(1'000'000, 'a');
  CHECK(sha256_hex(million) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
  // The same message fed as 10,000 updates of 100 bytes, so most blocks straddle two updates.
  Sha256 hasher;
  const std::string hundred(100, 'a');
  for (int i = 0; i < 10'000; ++i) hasher.update(hundred);
  CHECK(to_hex(hasher.finish()) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST_CASE("SHA-256 padding boundaries", "[util][sha256]") {
  // Lengths where the length field just fits, just fails to fit, or fills whole blocks.
  CHECK(sha256_hex(std::string(55, 'a')) == "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318");
  CHECK(sha256_hex(std::string(56, 'a')) == "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a");
  CHECK(sha256_hex(std::string(63, 'a')) == "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34");
  CHECK(sha256_hex(std::string(64, 'a')) == "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb");
  CHECK(sha256_hex(std::string(65, 'a')) == "635361c48bb9eab14198e76ea8ab7f1a41685d6ad62aa9146d301d4f17eb0ae0");
  CHECK(sha256_hex(std::string(119, 'a')) == "31eba51c313a5c08226adf18d4a359cfdfd8d2e816b13f4af952f7ea6584dcfb");
  CHECK(sha256_hex(std::string(120, 'a')) == "2f3d335432c70b580af0e8e1b3674a7c020d683aa5f73aaaedfdc55af904c21c");
}

TEST_CASE("SHA-256 hashes arbitrary bytes including NUL and UTF-8", "[util][sha256]") {
  std::string all_bytes;
  for (int i = 0; i < 256; ++i) all_bytes += static_cast<char>(i);
  CHECK(sha256_hex(all_bytes) == "40aff2e9d2d8922e47afd4648e6967497158785fbd1da870e7110266bf944880");
  CHECK(sha256_hex("逾期天数") == "f7f47749a2731732c76244845cc1f5bf4d10124abdd74f2486e67396dbe8f1ad");
}

TEST_CASE("SHA-256 fed in pieces equals one update", "[util][sha256]") {
  REQUIRE(sha256_hex(test_message(1000)) == "533b698850849b7908b20a22658f639c0b2a476f1791f85f50188287c31a9aba");
  for (std::size_t length : {0u, 1u, 55u, 63u, 64u, 65u, 127u, 128u, 129u, 1000u}) {
    const std::string message = test_message(length);
    const std::string expected = sha256_hex(message);
    INFO("length " << length);
    CHECK(hash_in_pieces(message, {1}) == expected);
    CHECK(hash_in_pieces(message, {63}) == expected);
    CHECK(hash_in_pieces(message, {64}) == expected);
    CHECK(hash_in_pieces(message, {65}) == expected);
    CHECK(hash_in_pieces(message, {1, 63, 64, 65, 2, 127}) == expected);
  }
  // Empty updates in between change nothing.
  Sha256 hasher;
  hasher.update("");
  hasher.update("ab");
  hasher.update("");
  hasher.update("c");
  CHECK(to_hex(hasher.finish()) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST_CASE("to_hex renders lowercase with leading zeros", "[util][sha256]") {
  std::array<std::uint8_t, 32> digest{};
  digest[0] = 0x0a;
  digest[1] = 0xff;
  digest[31] = 0x01;
  CHECK(to_hex(digest) == "0aff" + std::string(58, '0') + "01");
}

TEST_CASE("SHA-256: the processor's SHA instructions and the portable code give the same digests", "[util][sha256]") {
  // On a processor without the instructions both engines run the portable code, and this compares it with itself.
  INFO("hardware SHA-256: " << forbear::detail::sha256_hardware_available());
  std::string bytes;
  std::uint32_t seed = 12345;
  for (std::size_t length = 0; length < 700; length += (length < 140 ? 1 : 37)) {
    while (bytes.size() < length) {
      seed = seed * 1103515245U + 12345U;
      bytes += static_cast<char>(seed >> 23);
    }
    for (std::size_t split : {std::size_t{0}, length / 3, length}) {
      forbear::detail::Sha256 best;
      forbear::detail::Sha256 portable(forbear::detail::Sha256Engine::portable);
      best.update(std::string_view(bytes).substr(0, split));
      best.update(std::string_view(bytes).substr(split));
      portable.update(bytes);
      CHECK(forbear::detail::to_hex(best.finish()) == forbear::detail::to_hex(portable.finish()));
    }
  }
}
