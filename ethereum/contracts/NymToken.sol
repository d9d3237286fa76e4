// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.20;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";

/// @title The NYM token on Ethereum.
/// @notice Users pay for credentials with deposit(nymAddress, amount): the amount moves to the pipe account and a
///         Deposit event names the Nym ledger account to credit; the watchers credit it there. Plain transfers to the
///         pipe name no one and are not credited. One token unit is one ledger unit (no decimals), and the whole
///         supply is minted once and fits in 64 bits, so every amount fits the ledger's uint64 amounts.
contract NymToken is ERC20 {
    error LengthMismatch(uint256 recipients, uint256 amounts);
    error NoRecipient();
    error NoPipe();

    /// @notice `amount` tokens of `from` moved to the pipe account, to be credited to `nymAddress` on the Nym ledger.
    event Deposit(address indexed from, bytes20 indexed nymAddress, uint256 amount);

    /// @notice The account deposits are paid into (the ledger's pipe account).
    address public immutable pipe;

    constructor(uint64 initialSupply, address pipeAccount) ERC20("Nym", "NYM") {
        if (pipeAccount == address(0)) {
            revert NoPipe();
        }
        pipe = pipeAccount;
        _mint(msg.sender, initialSupply);
    }

    function decimals() public pure override returns (uint8) {
        return 0;
    }

    /// @notice Pays `amount` of the caller's tokens into the pipe account for the Nym ledger account `nymAddress`
    ///         (its 20-byte address): one Transfer to the pipe, then one Deposit event that the watchers act on.
    function deposit(bytes20 nymAddress, uint256 amount) external returns (bool) {
        if (nymAddress == bytes20(0)) {
            revert NoRecipient();
        }
        _transfer(msg.sender, pipe, amount);
        emit Deposit(msg.sender, nymAddress, amount);
        return true;
    }

    /// @notice Several transfers from the caller in one transaction, each with its own Transfer event (funding many
    ///         accounts at once).
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
