// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.20;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";

/// @title The NYM token on Ethereum.
/// @notice Users pay for credentials by transferring NYM to the pipe account; the watchers credit the same amount on
///         the Nym ledger. One token unit is one ledger unit (no decimals), and the whole supply is minted once and
///         fits in 64 bits, so every transfer amount fits the ledger's uint64 amounts.
contract NymToken is ERC20 {
    error LengthMismatch(uint256 recipients, uint256 amounts);

    constructor(uint64 initialSupply) ERC20("Nym", "NYM") {
        _mint(msg.sender, initialSupply);
    }

    function decimals() public pure override returns (uint8) {
        return 0;
    }

    /// @notice Several transfers from the caller in one transaction, each with its own Transfer event (funding many
    ///         accounts at once; several deposits into the pipe in one transaction).
    function transferMany(address[] calldata recipients, uint256[] calldata amounts) external returns (bool) {
        if (recipients.length != amounts.length) {
            revert LengthMismatch(recipients.length, amounts.length);
        }
        for (uint256 i = 0; i < recipients.length; i++) {
            _transfer(msg.sender, recipients[i], amounts[i]);
        }
        return true;
    }
}
